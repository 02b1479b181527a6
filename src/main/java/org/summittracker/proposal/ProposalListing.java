package org.summittracker.proposal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.summittracker.shared.KeptByTables;

/**
 * The list of proposals: filtered by status, by a subsystem they affect (themselves or
 * through a session that discussed them) and by an event that discussed them; the most
 * recently discussed first, those never discussed last. Two statements a page.
 */
@Service
@Transactional(readOnly = true)
public class ProposalListing {

	/** A proposal as the list shows it. */
	public record Item(String key, String title, ProposalStatus status, String parentKey, LocalDate lastDiscussedOn,
			String lastEventSlug, String lastEventName, long sessions) {
	}

	/** An event that may be chosen as a filter. */
	public record EventOption(String slug, String name) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	ProposalListing(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@KeptByTables
	public Page<Item> page(ProposalStatus status, String subsystem, String event, PageRequest request) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<String> where = new ArrayList<>();
		if (status != null) {
			where.add("p.status = :status");
			params.addValue("status", status.name());
		}
		if (subsystem != null) {
			where.add("""
					(exists (select 1 from proposal_subsystem ps join subsystem sub on sub.id = ps.subsystem_id
					         where ps.proposal_id = p.id and sub.slug = :subsystem)
					 or exists (select 1 from session_proposal sp
					            join session_subsystem ss on ss.session_id = sp.session_id
					            join subsystem sub on sub.id = ss.subsystem_id
					            where sp.proposal_id = p.id and sub.slug = :subsystem))""");
			params.addValue("subsystem", subsystem);
		}
		if (event != null) {
			where.add("""
					exists (select 1 from session_proposal sp join summit_session s on s.id = sp.session_id
					        join event e on e.id = s.event_id where sp.proposal_id = p.id and e.slug = :event)""");
			params.addValue("event", event);
		}
		String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		long total = this.jdbc.queryForObject("select count(*) from proposal p" + filter, params, Long.class);
		params.addValue("limit", request.getPageSize()).addValue("offset", request.getOffset());
		// The page's proposals are chosen by the date each was last discussed, one
		// grouped
		// pass over the links; only those 20 then read the session that discussed them
		// last.
		// (A lateral read of the last session of every proposal, to sort them, took 200
		// ms
		// at summit scale, and PostgreSQL's JIT compiling it 100 ms more.)
		List<Item> items = this.jdbc.query("""
				select p.key, p.title, p.status, pa.key as parent_key, last.starts_on, last.slug, last.name,
				       (select count(*) from session_proposal x where x.proposal_id = p.id) as sessions
				from (select p.id, d.starts_on
				      from proposal p
				      left join (select sp.proposal_id, max(e.starts_on) as starts_on
				                 from session_proposal sp join summit_session s on s.id = sp.session_id
				                 join event e on e.id = s.event_id group by sp.proposal_id) d on d.proposal_id = p.id
				""" + filter + """

				      order by d.starts_on desc nulls last, p.id desc
				      limit :limit offset :offset) chosen
				join proposal p on p.id = chosen.id
				left join proposal pa on pa.id = p.parent_id
				left join lateral (select e.starts_on, e.slug, e.name from session_proposal sp
				                   join summit_session s on s.id = sp.session_id join event e on e.id = s.event_id
				                   where sp.proposal_id = p.id
				                   order by e.starts_on desc, s.schedule_order desc, s.id desc limit 1) last on true
				order by chosen.starts_on desc nulls last, p.id desc
				""", params, (rs, n) -> {
			Date on = rs.getDate("starts_on");
			return new Item(rs.getString("key"), rs.getString("title"), ProposalStatus.valueOf(rs.getString("status")),
					rs.getString("parent_key"), (on != null) ? on.toLocalDate() : null, rs.getString("slug"),
					rs.getString("name"), rs.getLong("sessions"));
		});
		return new PageImpl<>(items, request, total);
	}

	@KeptByTables
	public List<EventOption> events() {
		return this.jdbc.query("select slug, name from event order by starts_on desc, id desc",
				(rs, n) -> new EventOption(rs.getString("slug"), rs.getString("name")));
	}

}
