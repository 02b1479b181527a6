package org.summittracker.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files each subsystem covers, from MAINTAINERS' {@code F:} and {@code X:} patterns,
 * matched as get_maintainer matches them: a pattern ending in {@code /} covers everything
 * below that directory; otherwise {@code *} and {@code ?} are wildcards and the path must
 * lie at the pattern's depth (a directory named without its slash covers everything below
 * it too). A subsystem covers a path one of its F: patterns matches and none of its X:
 * patterns does.
 */
@Service
public class SubsystemFiles {

	/** At most this many patterns per subsystem and kind are kept. */
	static final int MAX_PATTERNS = 1_000;

	private final NamedParameterJdbcTemplate jdbc;

	SubsystemFiles(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the patterns the subsystem lacks; a second import of the same file adds none.
	 */
	@Transactional
	public int add(Long subsystemId, List<String> files, List<String> excludes) {
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (String kind : List.of("F", "X")) {
			List<String> patterns = kind.equals("F") ? files : excludes;
			patterns.stream()
				.distinct()
				.filter((p) -> !p.isBlank() && p.length() <= 500)
				.limit(MAX_PATTERNS)
				.forEach((p) -> rows.add(new MapSqlParameterSource("subsystem", subsystemId).addValue("kind", kind)
					.addValue("pattern", p)));
		}
		if (rows.isEmpty()) {
			return 0;
		}
		int[] added = this.jdbc.batchUpdate("""
				insert into subsystem_file_pattern (subsystem_id, kind, pattern)
				values (:subsystem, :kind, :pattern) on conflict do nothing
				""", rows.toArray(MapSqlParameterSource[]::new));
		return java.util.Arrays.stream(added).map((n) -> Math.max(n, 0)).sum();
	}

	/**
	 * Of the given subsystems, those with at least one {@code F:} pattern: the others'
	 * files are not known here. One query, whatever the number of subsystems.
	 */
	@Transactional(readOnly = true)
	public Set<Long> withFiles(Collection<Long> subsystemIds) {
		if (subsystemIds.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(this.jdbc.queryForList(
				"select distinct subsystem_id from subsystem_file_pattern where kind = 'F' and subsystem_id in (:ids)",
				new MapSqlParameterSource("ids", subsystemIds), Long.class));
	}

	/**
	 * Of the given subsystems, those that cover at least one of the paths, in the order
	 * given. One query, whatever the number of subsystems.
	 */
	@Transactional(readOnly = true)
	public Set<Long> touched(Collection<Long> subsystemIds, Collection<String> paths) {
		return coverage(subsystemIds, paths).keySet();
	}

	/**
	 * Of the given subsystems, those that cover at least one of the paths, in the order
	 * given, each with the paths it covers. One query, whatever the number of subsystems.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Set<String>> coverage(Collection<Long> subsystemIds, Collection<String> paths) {
		if (subsystemIds.isEmpty() || paths.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<String>> includes = new HashMap<>();
		Map<Long, List<String>> excludes = new HashMap<>();
		this.jdbc.query("select subsystem_id, kind, pattern from subsystem_file_pattern where subsystem_id in (:ids)",
				new MapSqlParameterSource("ids", subsystemIds), (rs) -> {
					(rs.getString(2).equals("F") ? includes : excludes)
						.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
						.add(rs.getString(3));
				});
		Map<Long, Set<String>> coverage = new LinkedHashMap<>();
		for (Long id : subsystemIds) {
			List<String> in = includes.getOrDefault(id, List.of());
			List<String> out = excludes.getOrDefault(id, List.of());
			Set<String> covered = new LinkedHashSet<>();
			paths.stream().filter((p) -> covers(in, out, p)).forEach(covered::add);
			if (!covered.isEmpty()) {
				coverage.put(id, covered);
			}
		}
		return coverage;
	}

	static boolean covers(List<String> includes, List<String> excludes, String path) {
		return includes.stream().anyMatch((f) -> matches(f, path))
				&& excludes.stream().noneMatch((x) -> matches(x, path));
	}

	/** Whether the MAINTAINERS pattern matches the path (see the class comment). */
	public static boolean matches(String pattern, String path) {
		if (pattern.endsWith("/")) {
			return path.startsWith(pattern);
		}
		boolean glob = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
		if (!glob) {
			return path.equals(pattern) || path.startsWith(pattern + "/");
		}
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append(switch (c) {
				case '*' -> "[^/]*";
				case '?' -> "[^/]";
				default -> Pattern.quote(String.valueOf(c));
			});
		}
		return Pattern.matches(regex.toString(), path);
	}

}
