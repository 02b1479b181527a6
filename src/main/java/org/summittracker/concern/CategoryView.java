package org.summittracker.concern;

/**
 * A concern category as the lists show it: values, so that what is read of them and the
 * pages rendered from them can be kept.
 */
public record CategoryView(String slug, String name) {

}
