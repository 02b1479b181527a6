/**
 * Accounts, roles and what each may do; the web security that enforces it on the server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
package org.summittracker.account;
