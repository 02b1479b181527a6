package org.summittracker.material;

/**
 * What an item of material is to say, as a form or a script sends it: {@code by} is a
 * person's handle, or blank.
 */
public record MaterialDraft(MaterialKind kind, String title, String url, String by) {
}
