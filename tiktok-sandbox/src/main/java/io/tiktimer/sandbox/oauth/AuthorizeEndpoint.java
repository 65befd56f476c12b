package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.ConsentDecision;
import io.tiktimer.sandbox.Fault;
import io.tiktimer.sandbox.SandboxCreator;
import io.tiktimer.sandbox.SandboxEndpoint;
import io.tiktimer.sandbox.state.SandboxState;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code www.tiktok.com/v2/auth/authorize/}: GET shows the consent page, the page's form POSTs the decision back. */
public final class AuthorizeEndpoint {
    private static final List<String> FORWARDED_PARAMS = List.of("client_key", "scope", "redirect_uri", "state", "response_type");

    private final SandboxState state;
    private final AuthorizeValidator validator;
    private final ConsentService consent;

    public AuthorizeEndpoint(SandboxState state, AuthorizeValidator validator, ConsentService consent) {
        this.state = state;
        this.validator = validator;
        this.consent = consent;
    }

    public void bind(Router router) {
        router.get(SandboxEndpoint.AUTHORIZE.path()).handler(this::showPage);
        router.post(SandboxEndpoint.AUTHORIZE.path()).handler(this::submit);
    }

    private void showPage(RoutingContext ctx) {
        if (answeredByFault(ctx)) {
            return;
        }
        MultiMap params = ctx.request().params();
        AuthorizeCheck check = validator.check(params::get);
        if (check instanceof AuthorizeCheck.Valid valid) {
            Map<String, String> forwarded = new LinkedHashMap<>();
            FORWARDED_PARAMS.forEach(name -> Optional.ofNullable(params.get(name)).ifPresent(v -> forwarded.put(name, v)));
            List<SandboxCreator> creators = state.creators().values().stream()
                    .sorted(Comparator.comparing(SandboxCreator::username)).toList();
            html(ctx, 200, ConsentPage.render(forwarded, valid, creators));
        } else {
            answerInvalid(ctx, check);
        }
    }

    private void submit(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        AuthorizeCheck check = validator.check(form::get);
        if (!(check instanceof AuthorizeCheck.Valid valid)) {
            answerInvalid(ctx, check);
            return;
        }
        ConsentDecision decision;
        if ("approve".equals(form.get("decision"))) {
            String openId = form.get("open_id");
            if (state.creator(openId).isEmpty()) {
                html(ctx, 400, ConsentPage.error("invalid_request", "Choose an account to log in with."));
                return;
            }
            decision = ConsentDecision.approveAs(openId).grantingOnly(form.getAll("granted_scope").toArray(String[]::new));
        } else {
            decision = ConsentDecision.deny();
        }
        redirect(ctx, consent.decide(valid, decision));
    }

    private void answerInvalid(RoutingContext ctx, AuthorizeCheck check) {
        if (check instanceof AuthorizeCheck.PageError page) {
            html(ctx, 400, ConsentPage.error(page.error(), page.description()));
        } else if (check instanceof AuthorizeCheck.RedirectError error) {
            redirect(ctx, ConsentService.errorRedirect(error.redirectUri(), error.state(), error.error(), error.description()));
        }
    }

    private boolean answeredByFault(RoutingContext ctx) {
        Optional<Fault> fault = state.faults().takeFor(SandboxEndpoint.AUTHORIZE);
        if (fault.isPresent() && fault.get().preventsEffect()) {
            html(ctx, fault.get().httpStatus(), ConsentPage.error(fault.get().errorCode(), fault.get().message()));
            return true;
        }
        return false;
    }

    private static void redirect(RoutingContext ctx, URI location) {
        ctx.response().setStatusCode(302).putHeader("Location", location.toString()).end();
    }

    private static void html(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(body);
    }
}
