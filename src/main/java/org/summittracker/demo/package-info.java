/**
 * The demo summit: the 2021 Kernel Maintainers Summit session on Rust, loaded at first
 * start when {@code summit.demo-data.enabled} is true (the default).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo summit")
package org.summittracker.demo;
