package org.summittracker.material;

import jakarta.validation.constraints.Size;

/** What the withdrawal form submits: the reason and the version it was opened at. */
record WithdrawalForm(@Size(max = Material.REASON_MAX, message = "{text.at-most}") String reason, Long version) {
}
