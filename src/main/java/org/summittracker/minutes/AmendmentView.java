package org.summittracker.minutes;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;

import org.summittracker.shared.Pages;

/**
 * A change made to a session's facts after its minutes were final, as its page lists it:
 * one of the amendments its minutes list ({@link SessionMinutes.Amendments}), read for
 * the page in the same round trip as its other sections.
 * <p>
 * {@code kind} is what changed: {@code CONCERN_RAISED}, {@code CONCERN_RESPONDED},
 * {@code CONCERN_MOVED}, {@code POSITION}, {@code FOLLOW_UP_ADDED}, {@code FOLLOW_UP}
 * (moved or revised), {@code NOTE}, {@code RESOLUTION} or {@code MATERIAL};
 * {@code change} how, for a note, a resolution, a follow-up or an item of material (as
 * their histories name it); {@code who} the name of who made it (of a follow-up added:
 * its owner). {@code item} is a concern's key, the handle of the person whose position
 * was recorded, or an item of material's address; {@code seq} a note's or a resolution's
 * number; {@code title} a follow-up's or an item of material's title, or the name of the
 * person whose position was recorded; {@code from} and {@code to} the statuses (the
 * stances) moved from and to, or an item of material's kind and the reason it was
 * withdrawn. A concern carried into the session from an earlier one names that session
 * ({@code eventSlug}, {@code sessionSlug}); {@code ref} is the id of a note, a follow-up
 * or an item of material.
 */
public record AmendmentView(Instant at, String kind, String change, String who, String item, Integer seq, String title,
		String from, String to, String eventSlug, String sessionSlug, Long ref) {

	/**
	 * The newest a session page lists: the minutes list them all, so the page stays one
	 * bounded read and links there for the rest.
	 */
	public static final int SHOWN = 20;

	/**
	 * When the session's minutes were final, for the sessions in the array {@code ?}
	 * whose minutes are: the queries below join it.
	 */
	private static final String FINAL = """
			from summit_session h join event he on he.id = h.event_id""";

	/**
	 * Responses given and status changes made in the session {@code h} to concerns
	 * carried into it (raised in a session held before it, about a proposal it
	 * discusses), as the minutes' carried concerns list them ({@code ?} the array of the
	 * session's id).
	 */
	private static final String CARRIED = """
			join concern c on c.id = x.concern_id join summit_session o on o.id = c.session_id
				join event oe on oe.id = o.event_id
			where h.id = any(?) and h.minutes_final_at is not null and o.id <> h.id
			  and exists (select 1 from session_proposal sp where sp.session_id = h.id and sp.proposal_id = c.proposal_id)
			  and (oe.starts_on < he.starts_on or (oe.starts_on = he.starts_on and (o.schedule_order < h.schedule_order
			    or (o.schedule_order = h.schedule_order and o.id < h.id))))""";

	/**
	 * The amendments of the session {@code ?} ({@code bigint[]} of one id), newest first,
	 * at most {@link #SHOWN}, as {@link #of} reads them, with the number of all as the
	 * last column; none while its minutes are a draft. What happened to its own concerns
	 * and to its notes, resolutions, follow-ups and material is read by the minutes' own
	 * queries; then the concerns carried into it, the positions stated in it on the
	 * proposals it discusses, and the follow-ups added. The concerns' query compares with
	 * the time the minutes were final, none for a draft: it is not run at all then (a
	 * one-time filter), rather than compare each response of a large session with
	 * nothing.
	 */
	public static final String SHOWN_ROWS = """
			select a.at, a.kind, a.change, a.who, a.item, a.seq, a.title, a.from_value, a.to_value, a.event_slug,
				a.session_slug, a.ref, count(*) over () as total
			from (
				select c.at, case c.kind when 0 then 'CONCERN_RAISED' when 1 then 'CONCERN_RESPONDED'
						else 'CONCERN_MOVED' end as kind, null::text as change, c.who, c.key as item, null::int as seq,
					null::text as title, c.from_status::text as from_value, c.to_status::text as to_value,
					null::text as event_slug, null::text as session_slug, null::bigint as ref, c.kind as tie
				from (%s) c(at, kind, who, key, from_status, to_status)
				where exists (select 1 from summit_session f where f.id = any(?) and f.minutes_final_at is not null)
				union all
				select l.at, upper(replace(l.kind, '-', '_')), l.change, l.who, l.url, l.seq, l.title, l.from_value,
					l.to_value, null, null, l.item_id, 3
				from (%s) l(session_id, at, kind, change, seq, who, change_id, title, from_value, to_value, url, item_id)
				union all
				select x.created_at, 'CONCERN_RESPONDED', null, p.name, c.key, null, null, null, null, oe.slug, o.slug,
					null, 1
				%s join concern_response x on x.session_id = h.id join person p on p.id = x.author_id
				%s and x.created_at > h.minutes_final_at
				union all
				select x.changed_at, 'CONCERN_MOVED', null, coalesce(p.name, x.changed_by), c.key, null, null,
					x.from_status, x.to_status, oe.slug, o.slug, null, 2
				%s join concern_status_change x on x.session_id = h.id left join person p on p.id = x.changed_by_id
				%s and x.changed_at > h.minutes_final_at
				union all
				select x.changed_at, 'POSITION', null, eb.name, pe.handle, null, pe.name, x.old_stance, x.new_stance,
					null, null, null, 4
				%s join position_change x on x.session_id = h.id join position p on p.id = x.position_id
					join person pe on pe.id = p.person_id join person eb on eb.id = x.entered_by_id
				where h.id = any(?) and h.minutes_final_at is not null and x.changed_at > h.minutes_final_at
				  and p.withdrawn_at is null and exists (select 1 from session_proposal sp
					where sp.session_id = h.id and sp.proposal_id = p.proposal_id)
				union all
				select f.created_at, 'FOLLOW_UP_ADDED', null, o.name, null, null, f.title, null, null, null, null, f.id, 5
				%s join follow_up f on f.session_id = h.id join person o on o.id = f.owner_id
				where h.id = any(?) and h.minutes_final_at is not null and f.created_at > h.minutes_final_at) a
			order by a.at desc, a.tie desc, a.ref desc nulls last, a.seq desc nulls last, a.item
			limit\s"""
		.formatted(MinutesQueries.CONCERN_CHANGES_AFTER_FINAL.replace("= ?", "= any(?)"),
				MinutesQueries.Kind.LATER_CHANGES.sql(), FINAL, CARRIED, FINAL, CARRIED, FINAL, FINAL)
			+ SHOWN;

	/** An amendment from a row as {@link #SHOWN_ROWS} lists it. */
	public static AmendmentView of(Object[] row) {
		return new AmendmentView((Instant) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
				(row[5] != null) ? ((Number) row[5]).intValue() : null, (String) row[6], (String) row[7],
				(String) row[8], (String) row[9], (String) row[10],
				(row[11] != null) ? ((Number) row[11]).longValue() : null);
	}

	/**
	 * The amendments a session page lists, from rows as {@link #SHOWN_ROWS} lists them.
	 */
	public static Page<AmendmentView> shown(List<Object[]> rows) {
		return Pages.first(rows, SHOWN, AmendmentView::of);
	}

	/**
	 * The message key of what it says: by kind, and for a note, a resolution, a follow-up
	 * or an item of material, by how it changed.
	 */
	public String messageKey() {
		if ("POSITION".equals(this.kind) && this.from == null) {
			return "session.amendment.POSITION.NEW";
		}
		return "session.amendment." + this.kind + ((this.change != null) ? "." + this.change : "");
	}

	/** The message key of what it moved from (null when nothing is named). */
	public String fromKey() {
		if (this.kind.startsWith("CONCERN_")) {
			return (this.from != null) ? "concern.status." + this.from : "session.amendment.new";
		}
		return switch (this.kind) {
			case "POSITION" -> (this.from != null) ? "stance.label." + this.from : null;
			case "FOLLOW_UP" -> (this.from != null) ? "followup.status." + this.from : null;
			case "MATERIAL" -> (this.from != null) ? "material.kind." + this.from : null;
			default -> null;
		};
	}

	/** The message key of what it moved to (null when nothing is named). */
	public String toKey() {
		if (this.to == null) {
			return null;
		}
		return switch (this.kind) {
			case "CONCERN_MOVED" -> "concern.status." + this.to;
			case "POSITION" -> "stance.label." + this.to;
			case "FOLLOW_UP" -> "followup.status." + this.to;
			default -> null;
		};
	}

	/**
	 * Where the item changed is, from the application's root (an item of material: its
	 * own address), for the page of the session {@code session} of event {@code event};
	 * null when it has no page.
	 */
	public String href(String event, String session) {
		String base = "/events/" + event + "/sessions/" + session;
		return switch (this.kind) {
			case "CONCERN_RAISED", "CONCERN_RESPONDED", "CONCERN_MOVED" ->
				((this.sessionSlug != null) ? "/events/" + this.eventSlug + "/sessions/" + this.sessionSlug : base)
						+ "/concerns/" + this.item;
			case "POSITION" -> base + "/positions/" + this.item;
			case "FOLLOW_UP", "FOLLOW_UP_ADDED" -> "/follow-ups/" + this.ref;
			case "NOTE" -> base + "/notes#note-" + this.ref;
			case "RESOLUTION" -> base + "/resolutions/" + this.seq;
			case "MATERIAL" -> this.item;
			default -> null;
		};
	}

}
