/**
 * Internal: the two types JNA must instantiate by reflection (so they are public). Not part of the
 * API of xxgk; may change in any release.
 */
package org.xxgk.jna;
