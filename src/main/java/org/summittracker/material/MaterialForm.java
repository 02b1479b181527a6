package org.summittracker.material;

import jakarta.validation.constraints.Size;

import org.summittracker.people.Person;
import org.summittracker.shared.OneLine;

/**
 * What the add and edit forms submit, bound by type: an unknown kind is a type mismatch
 * shown next to its field. The domain checks the rest ({@link SessionMaterial#check}).
 */
record MaterialForm(MaterialKind kind,
		@Size(max = Material.TITLE_MAX, message = "{text.at-most}") @OneLine String title,
		@Size(max = MaterialUrl.MAX, message = "{text.at-most}") String url,
		@Size(max = Person.HANDLE_MAX, message = "{text.at-most}") @OneLine String by, Long version) {

	static MaterialForm empty() {
		return new MaterialForm(MaterialKind.SLIDES, "", "", "", null);
	}

	static MaterialForm of(MaterialView item) {
		return new MaterialForm(item.kind(), item.title(), item.url(), (item.byHandle() != null) ? item.byHandle() : "",
				item.version());
	}

	MaterialDraft draft() {
		return new MaterialDraft(this.kind, this.title, this.url, this.by);
	}

}
