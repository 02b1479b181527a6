package org.summittracker.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;

/**
 * What the generated OpenAPI document (springdoc, {@code /api/v1/openapi.json}) says
 * beyond the controllers: the API's title and how to authenticate (a personal access
 * token as a bearer token). The actor a token acts as is not a parameter. A body's field
 * that takes one of several kinds of value (a person as a handle or as read) is only that
 * choice: its Java type (a string) is not a second condition.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	static final String BEARER = "token";

	static {
		SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentActor.class).addRequestWrapperToIgnore(Actor.class);
	}

	@Bean
	OpenAPI summitTrackerApi() {
		return new OpenAPI()
			.info(new Info().title("Summit Tracker API")
				.version("v1")
				.description(
						"""
								Read events, sessions (with the field names of their JSON minutes), concerns, people, \
								subsystems and follow-ups; file and change concerns, positions, follow-ups, discussion \
								notes and a session's material. Authenticate with a personal access token (made at /account/tokens) in \
								`Authorization: Bearer`. Lists are paged (`page` from 1, `size` up to 100) with `Link` \
								headers; a page past the last is a 404 naming it in `lastPage`. GETs answer `ETag` and 304. Changes to versioned things need `If-Match` with the \
								version (`"3"`, from the `version` field): 412 when stale, 428 when missing. POSTs take an \
								`Idempotency-Key`. Errors are RFC 9457 problem details (`application/problem+json`) with \
								`type`, `title`, `status`, `detail` and `instance`; field problems are listed under `errors`. Rate limits answer `RateLimit` headers and 429 \
								with `Retry-After`.""")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal access token, made at /account/tokens")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer choicesAreTheirOwnType() {
		return (api) -> {
			if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
				return;
			}
			for (Schema<?> schema : api.getComponents().getSchemas().values()) {
				if (schema.getProperties() == null) {
					continue;
				}
				for (Schema<?> property : schema.getProperties().values()) {
					if (property.getOneOf() != null && !property.getOneOf().isEmpty()) {
						property.setType(null);
						property.setTypes(null);
					}
				}
			}
		};
	}

}
