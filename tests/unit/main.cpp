// The main of xxgk_unit_tests (Catch2): the tests are the other files of this directory, one per
// public header.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
