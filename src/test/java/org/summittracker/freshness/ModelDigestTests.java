package org.summittracker.freshness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.BeanPropertyBindingResult;

import org.summittracker.shared.CountedPage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest of a page's model: the same values give the same digest, any value that
 * differs, however deep, another, and a model holding anything but values none.
 */
class ModelDigestTests {

	record Row(String name, int count, LocalDate day, List<String> tags) {
	}

	record Table(String title, List<Row> rows) {
	}

	enum Kind {

		ONE, TWO

	}

	/** An object of state: its fields are not all a template may read. */
	static final class Entity {

		String name = "x";

	}

	private static Map<String, Object> model(String deepTag) {
		return Map.of("table",
				new Table("Buy-in",
						List.of(new Row("a", 1, LocalDate.of(2021, 9, 20), List.of("x")),
								new Row("b", 2, null, List.of(deepTag)))),
				"kind", Kind.ONE, "page", new PageImpl<>(List.of("p"), PageRequest.of(0, 25), 1), "flag", true);
	}

	@Test
	void theSameValuesGiveTheSameDigest() {
		assertThat(ModelDigest.of(model("y"), "view", "/address")).isNotNull()
			.isEqualTo(ModelDigest.of(model("y"), "view", "/address"));
	}

	@Test
	void aValueThatDiffersDeepInsideGivesAnotherDigest() {
		assertThat(ModelDigest.of(model("y"), "view", "/address"))
			.isNotEqualTo(ModelDigest.of(model("z"), "view", "/address"));
	}

	@Test
	void theViewAndTheAddressArePartOfTheDigest() {
		assertThat(ModelDigest.of(model("y"), "view", "/address"))
			.isNotEqualTo(ModelDigest.of(model("y"), "other", "/address"))
			.isNotEqualTo(ModelDigest.of(model("y"), "view", "/address?page=2"));
	}

	@Test
	void textsDoNotRunTogether() {
		assertThat(ModelDigest.of(Map.of("a", List.of("ab", "c"))))
			.isNotEqualTo(ModelDigest.of(Map.of("a", List.of("a", "bc"))));
		assertThat(ModelDigest.of(Map.of(), "ab", "c")).isNotEqualTo(ModelDigest.of(Map.of(), "a", "bc"));
	}

	@Test
	void aModelHoldingAnythingButValuesHasNoDigest() {
		assertThat(ModelDigest.of(Map.of("entity", new Entity()))).isNull();
		assertThat(ModelDigest.of(Map.of("rows", List.of(new Row("a", 1, null, List.of()), new Entity())))).isNull();
		assertThat(ModelDigest.of(Map.of("list", new ArrayList<>(List.of(new Entity()))))).isNull();
	}

	@Test
	void aPageWhoseCountStoppedDiffersFromAnExactOne() {
		PageRequest first = PageRequest.of(0, 25);
		List<String> rows = List.of("a");
		long bound = CountedPage.AHEAD;
		assertThat(ModelDigest.of(Map.of("page", CountedPage.of(rows, first, bound + 1)))).isNotNull()
			.isNotEqualTo(ModelDigest.of(Map.of("page", CountedPage.of(rows, first, bound))));
	}

	@Test
	void aFormIsAValueWhileItsBindingHoldsNoErrors() {
		Row form = new Row("a", 1, null, List.of());
		BeanPropertyBindingResult binding = new BeanPropertyBindingResult(form, "form");
		assertThat(ModelDigest.of(Map.of("form", form, "binding", binding))).isNotNull();
		binding.reject("refused");
		assertThat(ModelDigest.of(Map.of("form", form, "binding", binding))).isNull();
	}

	@Test
	void aValueAKeptReadAnsweredIsDigestedOnceWithEveryValueInIt() {
		KeptValues values = new KeptValues();
		Session session = new Session("Rust", List.of(new Note("first"), new Note("second")));
		assertThat(values.digestOf(session)).as("not marked: digested at every ask")
			.isEqualTo(values.digestOf(session))
			.isNotSameAs(values.digestOf(session));
		assertThat(ModelDigest.weightOf(session, values::mark)).isPositive();
		String digest = values.digestOf(session);
		assertThat(values.digestOf(session)).isSameAs(digest).isEqualTo(ModelDigest.ofValue(session));
		assertThat(values.digestOf(session.notes())).as("a value inside it").isSameAs(values.digestOf(session.notes()));
		assertThat(values.digestOf(session.notes().get(1))).isEqualTo(ModelDigest.ofValue(new Note("second")));
	}

	record Session(String title, List<Note> notes) {
	}

	record Note(String body) {
	}

}
