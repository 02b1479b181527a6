/**
 * Buy-in from the mailing list: patch threads read from an mbox, their trailers
 * ({@code Acked-by}, {@code Reviewed-by}, {@code Tested-by}, {@code Nacked-by}) read as
 * positions, previewed person by person and recorded “by mail”.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Buy-in from mail")
package org.summittracker.mail;
