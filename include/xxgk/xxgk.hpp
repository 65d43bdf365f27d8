// xxgk — umbrella header: the whole C++ API.
//
//   auto r = xxgk::load_json(text);        // json.hpp: canonical JSON, every problem with a JSON Pointer
//   auto findings = xxgk::validate(r);     // validate.hpp: rule packs of the 2019 and 2021 formats
//   xxgk::cell_at(r, "requests.total.total");  // keys.hpp: canonical cell keys
#ifndef XXGK_XXGK_HPP
#define XXGK_XXGK_HPP

#include <xxgk/aggregate.hpp>
#include <xxgk/cell.hpp>
#include <xxgk/cells.hpp>
#include <xxgk/corpus.hpp>
#include <xxgk/decimal.hpp>
#include <xxgk/error.hpp>
#include <xxgk/format.hpp>
#include <xxgk/generate.hpp>
#include <xxgk/import.hpp>
#include <xxgk/json.hpp>
#include <xxgk/keys.hpp>
#include <xxgk/labels.hpp>
#include <xxgk/layout.hpp>
#include <xxgk/pointer.hpp>
#include <xxgk/portal.hpp>
#include <xxgk/narrative.hpp>
#include <xxgk/render.hpp>
#include <xxgk/report.hpp>
#include <xxgk/schema.hpp>
#include <xxgk/series.hpp>
#include <xxgk/text.hpp>
#include <xxgk/validate.hpp>
#include <xxgk/version.hpp>

#endif
