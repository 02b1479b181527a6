package org.summittracker.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator operates the application, through the header's links only: imports the
 * kernel's MAINTAINERS file (and again, which adds nothing), creates an account for one
 * of the maintainers it brought, who signs in, makes an API token, uses it and revokes it
 * (after a review), and changes their password; an organizer is refused the import page
 * with the reason; the administrator merges two records of one maintainer. The import
 * adds a thousand subsystems and people, so the class has an application and a database
 * of its own, with the demo data.
 */
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "summit.demo-data.enabled=true")
@ExtendWith(BrowserExtension.class)
class OperatingBrowserTests {

	static final Path MAINTAINERS = Path.of("src/test/resources/maintainers/MAINTAINERS").toAbsolutePath();

	@Test
	void anAdministratorImportsMaintainersCreatesAnAccountAndItsOwnerRevokesAToken(Reader reader) throws Exception {
		Page home = reader.signsInAs("admin");
		Page imports = headerLink(home, "Import MAINTAINERS");
		assertThat(imports.heading()).isEqualTo("Import a MAINTAINERS file");
		Page report = uploads(imports);
		assertThat(report.section("Imported")).contains("Entries read\n1153").doesNotContain("Subsystems added\n0");
		report = uploads(report);
		assertThat(report.section("Imported")).contains("Subsystems added\n0", "People added\n0",
				"Maintainerships added\n0");

		Page accounts = headerLink(report, "Accounts");
		Page form = accounts.followsLink("Create an account");
		form.fillsIn("Username", "kune");
		form.fillsIn("Person (handle)", "kune");
		form.fillsIn("Password", "a long secret");
		Page account = form.pressesButton("Create the account", Page::new);
		assertThat(account.flash()).isEqualTo("Created the account kune.");
		assertThat(account.text()).contains("Ulrich Kunitz", "Maintainer");

		reader.signsOut();
		home = reader.signsInAs("kune", "a long secret");
		Page tokens = headerLink(home, "API tokens");
		tokens.fillsIn("Name", "mail-bot");
		tokens.ticks("Read and write");
		tokens = tokens.pressesButton("Make the token", Page::new);
		String token = reader.find(By.id("issued-secret")).getText();
		assertThat(token).startsWith("st_");
		assertThat(api(reader, token).statusCode()).isEqualTo(200);
		assertThat(api(reader, token).body()).contains("\"username\":\"kune\"", "\"roles\":[\"maintainer\"]");
		Page revocation = tokens.pressesButton("Revoke", Page::new);
		assertThat(revocation.text()).contains("Revoke the token \u201cmail-bot\u201d?",
				"Scripts using it stop at once");
		assertThat(api(reader, token).statusCode()).isEqualTo(200);
		tokens = revocation.pressesButton("Revoke \u201cmail-bot\u201d", Page::new);
		assertThat(tokens.flash())
			.isEqualTo("The token \u201cmail-bot\u201d is revoked; requests with it are refused from now on.");
		assertThat(reader.find(By.xpath("//tr[th='mail-bot']")).getText()).contains("Revoked");
		assertThat(api(reader, token).statusCode()).isEqualTo(401);

		// The owner chooses a password of their own.
		Page password = headerLink(tokens, "Password");
		password.fillsIn("Your current password", "a long secret");
		password.fillsIn("New password", "kune's own secret");
		password.fillsIn("The new password again", "kune's own secret");
		password = password.pressesButton("Change the password", Page::new);
		assertThat(password.flash()).startsWith("Your password is changed.");
		reader.signsOut();
		reader.signsInAs("kune", "kune's own secret");

		reader.signsOut();
		reader.signsInAs("organizer");
		Page refused = reader.visits("/admin/imports/maintainers");
		assertThat(refused.heading()).isEqualTo("Not allowed");
		assertThat(refused.text()).contains("Only administrators may import a MAINTAINERS file.");

		reader.signsOut();
		home = reader.signsInAs("admin");
		// The file lists Alex Elder under two addresses: two records of one maintainer.
		Page merge = headerLink(home, "Merge people");
		merge.fillsIn("Handle of the record to keep", "elder-2");
		merge.fillsIn("Handle of the duplicate", "elder");
		Page review = merge.pressesButton("Review the merge", Page::new);
		assertThat(review.section("Check the two records")).contains("elder@kernel.org", "elder@inktank.com",
				"Everything elder has moves to elder-2", "A merge cannot be undone");
		assertThat(reader.visits("/people/elder").path()).as("nothing merged yet").isEqualTo("/people/elder");
		review = reader.visits("/admin/people/merge?merged=elder");
		review.fillsIn("Handle of the record to keep", "elder-2");
		review = review.pressesButton("Review the merge", Page::new);
		Page kept = review.pressesButton("Merge the records", Page::new);
		assertThat(kept.path()).isEqualTo("/people/elder-2");
		assertThat(kept.flash()).isEqualTo("Merged elder into elder-2 (1 record moved).");
	}

	private static Page headerLink(Page page, String text) {
		return page.clicks(page.reader.find(By.cssSelector("header")).findElement(By.linkText(text)), Page::new);
	}

	private static Page uploads(Page imports) {
		imports.field("MAINTAINERS file").sendKeys(MAINTAINERS.toString());
		return imports.pressesButton("Import", Page::new);
	}

	private static HttpResponse<String> api(Reader reader, String token) throws Exception {
		URI page = URI.create(reader.driver().getCurrentUrl());
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(page.resolve("/api/v1/me"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
