package org.summittracker.material;

import jakarta.validation.constraints.Size;

import org.summittracker.shared.OneLine;

/** What the withdrawal form submits: the reason and the version it was opened at. */
record WithdrawalForm(@Size(max = Material.REASON_MAX, message = "{text.at-most}") @OneLine String reason,
		Long version) {
}
