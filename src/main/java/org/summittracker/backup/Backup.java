package org.summittracker.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes all of the application's data as one JSON document and loads such a document
 * into an empty database; the format is described in {@code docs/backup-format.md}. Reads
 * and writes the tables through JDBC, in the order of their foreign keys, so the file
 * follows the schema, not the entity classes.
 */
@Component
class Backup {

	public static final String FORMAT = "summit-tracker-backup";

	public static final int FORMAT_VERSION = 1;

	/**
	 * Tables that are not the application's data: the schema's own history, the change
	 * stamp and the tables' stamps (an import moves them), HTTP sessions, the sign-in
	 * throttle's counters, and the API's rate-limit counters, tokens' last use and kept
	 * answers to retried requests.
	 */
	static final Set<String> NOT_BACKED_UP = Set.of("flyway_schema_history", "change_stamp", "table_stamp",
			"spring_session", "spring_session_attributes", "sign_in_failure", "api_token_use", "api_rate_window",
			"api_idempotency");

	/**
	 * Columns the database keeps from other rows ({@code table.column}): a concern's
	 * number of steps (V111) and a position's number of changes (V112), counted again as
	 * its steps and its changes are loaded.
	 */
	static final Set<String> NOT_BACKED_UP_COLUMNS = Set.of("concern.steps", "position.changes");

	/**
	 * Tables the migrations fill (the seeded concern categories): an import replaces
	 * them.
	 */
	static final Set<String> SEEDED = Set.of("concern_category");

	private static final String PASSWORD_TABLE = "account";

	private static final String PASSWORD_COLUMN = "password_hash";

	private static final int BATCH = 500;

	private final DataSource dataSource;

	private final PasswordEncoder passwords;

	private final ObjectWriter writer;

	private final JsonMapper json;

	private final String adminPassword;

	Backup(DataSource dataSource, PasswordEncoder passwords, JsonMapper json,
			@Value("${summit.admin.password:}") String adminPassword) {
		this.dataSource = dataSource;
		this.passwords = passwords;
		this.json = json;
		// One table per object, one row per line: readable, and diffs well.
		this.writer = json.writer().with(new DefaultPrettyPrinter().withArrayIndenter(new RowsOnTheirOwnLines()));
		this.adminPassword = adminPassword;
	}

	/** What a backup or restore held. */
	public record Summary(String schemaVersion, int tables, long rows, boolean passwordHashes, String adminPassword) {

	}

	/** The fields before the tables: what a file is, and which schema it was made on. */
	record Header(String format, int formatVersion, String schemaVersion, boolean passwordHashes) {

	}

	/**
	 * Writes everything as one consistent snapshot (a repeatable-read transaction);
	 * account password hashes only when {@code passwordHashes}.
	 */
	public Summary export(OutputStream out, boolean passwordHashes) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				return write(connection, out, passwordHashes);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the database for the backup: " + ex.getMessage(), ex);
		}
	}

	private Summary write(Connection connection, OutputStream out, boolean passwordHashes) throws SQLException {
		Schema schema = Schema.of(connection);
		long rows = 0;
		try (JsonGenerator generator = this.writer.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("format", FORMAT);
			generator.writeNumberProperty("formatVersion", FORMAT_VERSION);
			generator.writeStringProperty("schemaVersion", schema.version());
			generator.writeBooleanProperty("passwordHashes", passwordHashes);
			generator.writeArrayPropertyStart("tables");
			for (String table : schema.tablesInOrder()) {
				List<Schema.Column> columns = new ArrayList<>(schema.columns(table));
				if (table.equals(PASSWORD_TABLE) && !passwordHashes) {
					columns.removeIf((column) -> column.name().equals(PASSWORD_COLUMN));
				}
				generator.writeStartObject();
				generator.writeStringProperty("name", table);
				generator.writeArrayPropertyStart("columns");
				for (Schema.Column column : columns) {
					generator.writeString(column.name());
				}
				generator.writeEndArray();
				generator.writeArrayPropertyStart("rows");
				String sql = "select " + String.join(", ", columns.stream().map((c) -> quote(c.name())).toList())
						+ " from " + quote(table) + " order by "
						+ String.join(", ", schema.orderOf(table).stream().map(Backup::quote).toList());
				try (Statement statement = connection.createStatement()) {
					statement.setFetchSize(BATCH);
					try (ResultSet result = statement.executeQuery(sql)) {
						while (result.next()) {
							generator.writeStartArray();
							for (int i = 0; i < columns.size(); i++) {
								writeValue(generator, result, i + 1, table, columns.get(i));
							}
							generator.writeEndArray();
							rows++;
						}
					}
				}
				generator.writeEndArray();
				generator.writeEndObject();
			}
			generator.writeEndArray();
			generator.writeEndObject();
		}
		return new Summary(schema.version(), schema.tablesInOrder().size(), rows, passwordHashes, null);
	}

	/** Reads the fields before the tables, to know which schema the file needs. */
	Header header(InputStream in) {
		try (JsonParser parser = this.json.createParser(in)) {
			return fields(parser, null);
		}
	}

	/** What reads a file's tables, when it comes to them. */
	private interface TablesReader {

		void read(JsonParser parser, Header header) throws SQLException;

	}

	/**
	 * Reads the document's fields; at {@code tables}, checks the header and hands over to
	 * {@code tables}, or stops there when there is none.
	 */
	private Header fields(JsonParser parser, TablesReader tables) {
		try {
			expect(parser.nextToken() == JsonToken.START_OBJECT, "it is not a JSON object");
			String format = null;
			Integer formatVersion = null;
			String schemaVersion = null;
			boolean passwordHashes = false;
			Header header = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				switch (name) {
					case "format" -> format = parser.getString();
					case "formatVersion" -> formatVersion = parser.getIntValue();
					case "schemaVersion" -> schemaVersion = parser.getString();
					case "passwordHashes" -> passwordHashes = parser.getBooleanValue();
					case "tables" -> {
						header = checked(format, formatVersion, schemaVersion, passwordHashes);
						if (tables == null) {
							return header;
						}
						tables.read(parser, header);
					}
					default -> parser.skipChildren();
				}
			}
			expect(header != null, "it has no tables");
			return header;
		}
		catch (SQLException ex) {
			throw new BackupRefusedException("The backup could not be loaded, and nothing was: " + ex.getMessage(), ex);
		}
		catch (BackupRefusedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new BackupRefusedException("The file cannot be read as a backup (" + ex.getMessage() + ").", ex);
		}
	}

	private static Header checked(String format, Integer formatVersion, String schemaVersion, boolean passwordHashes) {
		expect(FORMAT.equals(format), "it is not a Summit Tracker backup (format " + format + ")");
		expect(formatVersion != null && formatVersion <= FORMAT_VERSION,
				"it has the format version " + formatVersion + ", newer than this Summit Tracker's " + FORMAT_VERSION);
		expect(schemaVersion != null, "it does not say its schema version");
		return new Header(format, formatVersion, schemaVersion, passwordHashes);
	}

	/**
	 * Loads a backup into this database, which must hold no data yet and be at the file's
	 * schema version; all in one transaction.
	 */
	public Summary importFrom(InputStream in) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Summary summary = read(connection, in);
				connection.commit();
				return summary;
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new BackupRefusedException("The backup could not be loaded, and nothing was: " + ex.getMessage(), ex);
		}
	}

	private Summary read(Connection connection, InputStream in) throws SQLException {
		Schema schema = Schema.of(connection);
		for (String table : schema.tablesInOrder()) {
			if (!SEEDED.contains(table) && schema.hasRows(table)) {
				throw new BackupRefusedException("The database is not empty (the table " + table + " has rows): "
						+ "import into a new database that Summit Tracker has not started on yet.");
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : SEEDED) {
				statement.execute("delete from " + quote(table));
			}
		}
		long[] rows = { 0 };
		int[] tables = { 0 };
		String unusable = this.passwords.encode(randomSecret());
		Header header;
		try (JsonParser parser = this.json.createParser(in)) {
			header = fields(parser, (tablesParser, checked) -> {
				expect(schema.version().equals(checked.schemaVersion()), "it was made at schema version "
						+ checked.schemaVersion() + " and the database is at " + schema.version());
				while (tablesParser.nextToken() == JsonToken.START_OBJECT) {
					rows[0] += readTable(connection, tablesParser, schema, unusable);
					tables[0]++;
				}
			});
		}
		try (Statement statement = connection.createStatement()) {
			for (String table : schema.tablesInOrder()) {
				for (String identity : schema.identityColumns(table)) {
					statement.execute("select setval(pg_get_serial_sequence('" + quote(table) + "', '" + identity
							+ "'), coalesce((select max(" + quote(identity) + ") from " + quote(table)
							+ "), 0) + 1, false)");
				}
			}
		}
		String adminPassword = null;
		if (!header.passwordHashes()) {
			adminPassword = this.adminPassword.isBlank() ? randomSecret() : this.adminPassword;
			try (PreparedStatement statement = connection.prepareStatement("update account set password_hash = ? "
					+ "where id in (select account_id from account_role where role = 'ADMIN')")) {
				statement.setString(1, this.passwords.encode(adminPassword));
				if (statement.executeUpdate() == 0) {
					adminPassword = null;
				}
			}
			if (adminPassword != null && !this.adminPassword.isBlank()) {
				adminPassword = "(the one from SUMMIT_ADMIN_PASSWORD)";
			}
		}
		return new Summary(header.schemaVersion(), tables[0], rows[0], header.passwordHashes(), adminPassword);
	}

	private long readTable(Connection connection, JsonParser parser, Schema schema, String unusable)
			throws SQLException {
		String table = null;
		List<String> names = new ArrayList<>();
		long rows = 0;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = parser.currentName();
			parser.nextToken();
			if (property.equals("name")) {
				table = parser.getString();
				expect(schema.has(table) && !NOT_BACKED_UP.contains(table),
						"it holds the table " + table + ", which this database does not back up");
			}
			else if (property.equals("columns")) {
				while (parser.nextToken() == JsonToken.VALUE_STRING) {
					names.add(parser.getString());
				}
			}
			else if (property.equals("rows")) {
				expect(table != null && !names.isEmpty(), "a table's rows come before its name and columns");
				rows = insertRows(connection, parser, schema, table, names, unusable);
			}
			else {
				parser.skipChildren();
			}
		}
		return rows;
	}

	private long insertRows(Connection connection, JsonParser parser, Schema schema, String table, List<String> names,
			String unusable) throws SQLException {
		Map<String, Schema.Column> known = new LinkedHashMap<>();
		schema.columns(table).forEach((column) -> known.put(column.name(), column));
		List<Schema.Column> columns = new ArrayList<>();
		for (String name : names) {
			expect(known.containsKey(name),
					"its table " + table + " has the column " + name + ", which the database does not");
			columns.add(known.get(name));
		}
		boolean addPassword = table.equals(PASSWORD_TABLE) && !names.contains(PASSWORD_COLUMN);
		List<String> inserted = new ArrayList<>(names);
		if (addPassword) {
			inserted.add(PASSWORD_COLUMN);
		}
		// An identity generated always (api_token's) takes the backed-up id only when
		// told to.
		boolean identity = schema.identityColumns(table).stream().anyMatch(inserted::contains);
		String sql = "insert into " + quote(table) + " ("
				+ String.join(", ", inserted.stream().map(Backup::quote).toList()) + ")"
				+ (identity ? " overriding system value" : "") + " values ("
				+ String.join(", ", inserted.stream().map((n) -> "?").toList()) + ")";
		long rows = 0;
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			while (parser.nextToken() == JsonToken.START_ARRAY) {
				for (int i = 0; i < columns.size(); i++) {
					parser.nextToken();
					readValue(parser, insert, i + 1, table, columns.get(i));
				}
				expect(parser.nextToken() == JsonToken.END_ARRAY,
						"a row of " + table + " has more values than columns");
				if (addPassword) {
					insert.setString(columns.size() + 1, unusable);
				}
				insert.addBatch();
				if (++rows % BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		return rows;
	}

	private static void writeValue(JsonGenerator generator, ResultSet result, int index, String table,
			Schema.Column column) throws SQLException {
		Object value = switch (column.type()) {
			case "smallint", "integer", "bigint" -> {
				long number = result.getLong(index);
				yield result.wasNull() ? null : number;
			}
			case "boolean" -> {
				boolean bool = result.getBoolean(index);
				yield result.wasNull() ? null : bool;
			}
			case "text", "character varying", "character", "uuid" -> result.getString(index);
			case "numeric" -> {
				BigDecimal number = result.getBigDecimal(index);
				yield (number != null) ? number.toPlainString() : null;
			}
			case "date" -> {
				LocalDate day = result.getObject(index, LocalDate.class);
				yield (day != null) ? day.toString() : null;
			}
			case "timestamp with time zone" -> {
				OffsetDateTime at = result.getObject(index, OffsetDateTime.class);
				yield (at != null) ? at.toInstant().toString() : null;
			}
			case "timestamp without time zone" -> {
				LocalDateTime at = result.getObject(index, LocalDateTime.class);
				yield (at != null) ? at.toString() : null;
			}
			default -> throw unknownType(table, column);
		};
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else {
			generator.writeString((String) value);
		}
	}

	private static void readValue(JsonParser parser, PreparedStatement insert, int index, String table,
			Schema.Column column) throws SQLException {
		if (parser.currentToken() == JsonToken.VALUE_NULL) {
			insert.setObject(index, null);
			return;
		}
		switch (column.type()) {
			case "smallint", "integer", "bigint" -> insert.setLong(index, parser.getLongValue());
			case "boolean" -> insert.setBoolean(index, parser.getBooleanValue());
			case "text", "character varying", "character" -> insert.setString(index, parser.getString());
			case "uuid" -> insert.setObject(index, UUID.fromString(parser.getString()));
			case "numeric" -> insert.setBigDecimal(index, new BigDecimal(parser.getString()));
			case "date" -> insert.setObject(index, LocalDate.parse(parser.getString()));
			case "timestamp with time zone" ->
				insert.setObject(index, Instant.parse(parser.getString()).atOffset(ZoneOffset.UTC));
			case "timestamp without time zone" -> insert.setObject(index, LocalDateTime.parse(parser.getString()));
			default -> throw unknownType(table, column);
		}
	}

	private static IllegalStateException unknownType(String table, Schema.Column column) {
		return new IllegalStateException("The column " + table + "." + column.name() + " has the type " + column.type()
				+ ", which the backup format does not carry yet: teach Backup to.");
	}

	private static void expect(boolean condition, String problem) {
		if (!condition) {
			throw new BackupRefusedException("The file cannot be loaded as a backup: " + problem + ".");
		}
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The database's tables as the catalog describes them: columns, primary keys, foreign
	 * keys and the schema version Flyway applied.
	 */
	record Schema(String version, List<String> tablesInOrder, Map<String, List<Column>> columnsByTable,
			Map<String, List<String>> keys, Map<String, List<String>> identities, Connection connection) {

		record Column(String name, String type) {

		}

		static Schema of(Connection connection) throws SQLException {
			String version;
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select version from flyway_schema_history "
							+ "where success and version is not null order by installed_rank desc limit 1")) {
				version = result.next() ? result.getString(1) : "0";
			}
			Map<String, List<Column>> columns = new TreeMap<>();
			Map<String, List<String>> identities = new TreeMap<>();
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
					select c.table_name, c.column_name, c.data_type, c.is_identity
					from information_schema.columns c join information_schema.tables t
					  on t.table_schema = c.table_schema and t.table_name = c.table_name
					where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
					order by c.table_name, c.ordinal_position""")) {
				while (result.next()) {
					String table = result.getString(1);
					if (NOT_BACKED_UP.contains(table)
							|| NOT_BACKED_UP_COLUMNS.contains(table + "." + result.getString(2))) {
						continue;
					}
					columns.computeIfAbsent(table, (t) -> new ArrayList<>())
						.add(new Column(result.getString(2), result.getString(3)));
					if ("YES".equals(result.getString(4))) {
						identities.computeIfAbsent(table, (t) -> new ArrayList<>()).add(result.getString(2));
					}
				}
			}
			Map<String, List<String>> keys = new TreeMap<>();
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
					select t.relname, a.attname
					from pg_index i join pg_class t on t.oid = i.indrelid
					join pg_namespace n on n.oid = t.relnamespace
					join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
					where i.indisprimary and n.nspname = current_schema()
					order by t.relname, array_position(i.indkey::int2[], a.attnum)""")) {
				while (result.next()) {
					keys.computeIfAbsent(result.getString(1), (t) -> new ArrayList<>()).add(result.getString(2));
				}
			}
			Map<String, Set<String>> parents = new TreeMap<>();
			columns.keySet().forEach((table) -> parents.put(table, new TreeSet<>()));
			try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
					select child.relname, parent.relname
					from pg_constraint k join pg_class child on child.oid = k.conrelid
					join pg_class parent on parent.oid = k.confrelid
					join pg_namespace n on n.oid = child.relnamespace
					where k.contype = 'f' and n.nspname = current_schema()""")) {
				while (result.next()) {
					String child = result.getString(1);
					String parent = result.getString(2);
					if (parents.containsKey(child) && parents.containsKey(parent) && !child.equals(parent)) {
						parents.get(child).add(parent);
					}
				}
			}
			return new Schema(version, inDependencyOrder(parents), columns, keys, identities, connection);
		}

		/** Every table after the tables it references, ties by name. */
		private static List<String> inDependencyOrder(Map<String, Set<String>> parents) {
			List<String> order = new ArrayList<>();
			Set<String> placed = new TreeSet<>();
			while (order.size() < parents.size()) {
				String next = parents.entrySet()
					.stream()
					.filter((entry) -> !placed.contains(entry.getKey()) && placed.containsAll(entry.getValue()))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("The tables' foreign keys form a cycle"));
				order.add(next);
				placed.add(next);
			}
			return order;
		}

		boolean has(String table) {
			return this.columnsByTable.containsKey(table);
		}

		List<Column> columns(String table) {
			return this.columnsByTable.get(table);
		}

		List<String> identityColumns(String table) {
			return this.identities.getOrDefault(table, List.of());
		}

		/** The order rows are written in: the primary key, or every column. */
		List<String> orderOf(String table) {
			List<String> key = this.keys.get(table);
			return (key != null) ? key : columns(table).stream().map(Column::name).toList();
		}

		boolean hasRows(String table) throws SQLException {
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement.executeQuery("select exists (select 1 from " + quote(table) + ")")) {
				result.next();
				return result.getBoolean(1);
			}
		}

	}

	/** Objects and the list of tables indented; a row's values on one line. */
	private static final class RowsOnTheirOwnLines implements DefaultPrettyPrinter.Indenter {

		// Arrays nest: tables (2), a table's columns and rows (4), a row (5).
		private static final int LAST_INDENTED_LEVEL = 4;

		@Override
		public void writeIndentation(JsonGenerator generator, int level) {
			if (level > LAST_INDENTED_LEVEL) {
				generator.writeRaw(' ');
				return;
			}
			generator.writeRaw('\n');
			for (int i = 0; i < level; i++) {
				generator.writeRaw("  ");
			}
		}

		@Override
		public boolean isInline() {
			return false;
		}

	}

}
