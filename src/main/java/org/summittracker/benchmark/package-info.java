/**
 * The yardsticks of scripts/benchmark: a bare reference page that every page is measured
 * against, and (only with {@code summit.benchmark.enabled=true}) a count of the SQL
 * statements the application has sent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Benchmark")
package org.summittracker.benchmark;
