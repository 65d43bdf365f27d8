/**
 * xxgk for Java: China's 政府信息公开工作年度报告 (annual reports on government information
 * disclosure) as data — load, read and change, validate, import, render — over the C library
 * {@code libxxgk.so} through JNA.
 *
 * <p>Start with {@link org.xxgk.Report}: {@code Report.fromFile(path)}, then {@code validate()}.
 * Every class mirrors a part of the C interface ({@code include/xxgk/xxgk.h}); docs/java.md gives
 * the mapping from each C name to its Java name, how the native library is found
 * ({@code -Djna.library.path} or the system's library path), ownership, threading and errors.
 *
 * <ul>
 * <li>Objects holding native memory — {@link org.xxgk.Report}, {@link org.xxgk.Portal},
 *     {@link org.xxgk.Findings} — are {@link java.lang.AutoCloseable} and also released by a
 *     {@link java.lang.ref.Cleaner} when forgotten; everything else is an immutable Java value.</li>
 * <li>Every public class is safe to use from several threads (each says how).</li>
 * <li>Every failure is an {@link org.xxgk.XxgkException} (unchecked) with the C status, message,
 *     location and every decoding problem; a validation finding is never an exception.</li>
 * </ul>
 */
package org.xxgk;
