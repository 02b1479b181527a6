/**
 * The audit trail: who changed what, when, with a before → after summary. Other modules
 * publish {@link org.summittracker.audit.AuditableChange}; this module appends it and
 * offers no way to edit or delete an entry (the database refuses that too). Depends on no
 * other module, so every module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.summittracker.audit;
