package io.tiktimer.auth.rest;

import io.tiktimer.auth.User;
import io.tiktimer.auth.client.TikTokAccountsClient;
import io.tiktimer.auth.mapping.UserMapper;
import io.tiktimer.auth.service.AccountService;
import io.tiktimer.auth.service.AuthProblems;
import io.tiktimer.auth.service.RegistrationThrottle;
import io.tiktimer.servicekit.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Accounts", description = "Registration and the caller's own account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final String PROBLEM = "application/problem+json";

    private final AccountService accounts;
    private final CurrentSession currentSession;
    private final RegistrationThrottle registrations;
    private final ClientAddresses addresses;
    private final TikTokAccountsClient tiktokAccounts;

    public AccountResource(AccountService accounts, CurrentSession currentSession, RegistrationThrottle registrations,
                           ClientAddresses addresses,
                           TikTokAccountsClient tiktokAccounts) {
        this.registrations = registrations;
        this.addresses = addresses;
        this.accounts = accounts;
        this.currentSession = currentSession;
        this.tiktokAccounts = tiktokAccounts;
    }

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account",
            description = "Seed compatible body. Answers 201 (the seed answered 200).")
    @APIResponse(responseCode = "201", description = "Account created",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Body is not JSON of this shape, or holds text that cannot be "
            + "stored (NUL, unpaired surrogate)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid email, username or password (too short, too long, "
            + "too common); `violations` names the field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Username or email already registered; `violations` names which "
            + "and `code` is `username_taken` or `email_taken`", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this address; see Retry-After",
            content = @Content(mediaType = PROBLEM))
    public Response register(@Valid RegisterRequest request, @Context HttpServerRequest http) {
        JsonBodies.require(request);
        registrations.admit(addresses.of(http));
        User user = accounts.register(
                new AccountService.Registration(request.username(), request.email(), request.password()));
        return Response.status(Response.Status.CREATED).entity(UserMapper.toResponse(user)).build();
    }

    @GET
    @Path("users/me")
    @RolesAllowed("user")
    @Operation(summary = "The caller's account")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Inactive user", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Missing, invalid or expired token, or session ended",
            content = @Content(mediaType = PROBLEM))
    public UserResponse me() {
        User user = active(accounts.find(currentSession.require().userId()));
        return UserMapper.toResponse(user, tiktokAccounts.firstConnected(user.id));
    }

    @PATCH
    @Path("users/me")
    @RolesAllowed("user")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's email and/or password",
            description = "Both changes require `current_password`. A password change ends every other session.")
    @APIResponse(responseCode = "200", description = "The updated account",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Body is not JSON of this shape", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid email or password, or wrong current password; "
            + "`violations` names the field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "Missing, invalid or expired token, or session ended",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Email already registered", content = @Content(mediaType = PROBLEM))
    public UserResponse update(@Valid UpdateUserRequest request) {
        JsonBodies.require(request);
        CurrentSession.Caller caller = currentSession.require();
        return UserMapper.toResponse(accounts.change(caller.userId(), caller.sessionId(),
                new AccountService.Change(request.email(), request.password(), request.currentPassword())));
    }

    @DELETE
    @Path("users/me")
    @RolesAllowed("user")
    @Operation(summary = "Delete the caller's account",
            description = "Other services erase the user's data when they receive the `user.deleted` event.")
    @APIResponse(responseCode = "204", description = "Account deleted")
    @APIResponse(responseCode = "401", description = "Missing, invalid or expired token, or session ended",
            content = @Content(mediaType = PROBLEM))
    public Response delete() {
        accounts.delete(currentSession.require().userId());
        return Response.noContent().build();
    }

    private static User active(User user) {
        if (user == null) {
            throw AuthProblems.unauthorized("Account no longer exists");
        }
        if (!user.active) {
            throw Problems.badRequest("Inactive user");
        }
        return user;
    }
}
