package org.summittracker.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code …/sessions/{session}/material}: the session's material, and for those who may
 * change it, the forms to add, edit and withdraw items.
 */
public class MaterialPage extends Page {

	MaterialPage(Reader reader) {
		super(reader);
	}

	/** Adds an item with the add form (its kind as the select shows it). */
	public MaterialPage adds(String kind, String title, String url) {
		WebElement form = sectionElement("Add material").findElement(By.tagName("form"));
		new org.openqa.selenium.support.ui.Select(form.findElement(By.id("new-material-kind")))
			.selectByVisibleText(kind);
		type(form.findElement(By.id("new-material-title")), title);
		type(form.findElement(By.id("new-material-url")), url);
		return clicks(form.findElement(By.tagName("button")), MaterialPage::new);
	}

	/** Gives the item shown as {@code title} a new title with its edit form. */
	public MaterialPage retitles(String title, String newTitle) {
		WebElement item = opened(title);
		type(item.findElement(By.cssSelector("input[name='title']")), newTitle);
		return clicks(item.findElement(By.xpath(".//button[normalize-space()='Save the material']")),
				MaterialPage::new);
	}

	/** Withdraws the item shown as {@code title}, giving the reason. */
	public MaterialPage withdraws(String title, String reason) {
		WebElement item = opened(title);
		type(item.findElement(By.cssSelector("input[name='reason']")), reason);
		return clicks(item.findElement(By.xpath(".//button[normalize-space()='Withdraw it']")), MaterialPage::new);
	}

	/** The list item showing {@code title}, its edit and withdraw forms opened. */
	private WebElement opened(String title) {
		WebElement item = main()
			.findElement(By.xpath(".//ul[contains(@class,'material')]/li[.//a[normalize-space()='" + title + "']]"));
		item.findElement(By.tagName("summary")).click();
		return item;
	}

	private static void type(WebElement field, String value) {
		field.clear();
		field.sendKeys(value);
	}

}
