using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sked.Workflows.Engine.Audit.Events;
using Sked.Workflows.Infrastructure.Audit;

namespace Sked.Workflows.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in, with every password login recorded in the audit log: <c>staff.login</c> or
/// <c>staff.login-failed</c> with the reason and the client address. A name that is no account is
/// recorded as "unknown", so a mistyped password in the name field never lands in the log.
/// Failed guesses slow an account down (<see cref="LoginGuesses"/>) instead of locking it, so
/// nobody can lock staff out by guessing on purpose.
/// </summary>
public sealed class AuditingSignInManager(
    UserManager<StaffUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    AuditLog audit,
    LoginGuesses guesses)
    : SignInManager<StaffUser>(users, contextAccessor, claimsFactory, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        var known = await UserManager.FindByNameAsync(userName) is not null;
        var reason = result switch
        {
            { Succeeded: true } => null,
            _ when !known => "unknown-user",
            { IsLockedOut: true } => "delayed",
            { IsNotAllowed: true } => "not-allowed",
            { RequiresTwoFactor: true } => "two-factor-required",
            _ => "wrong-password",
        };
        await audit.AppendAsync(
            reason is null ? new StaffLoggedIn() : new StaffLoginFailed(reason),
            known ? userName : "unknown",
            Context.Connection.RemoteIpAddress?.ToString(),
            // Recorded even when the client hangs up: the attempt happened.
            CancellationToken.None);
        return result;
    }

    // Identity's own lockout stays off (lockoutOnFailure is ignored): the delay replaces it.
    public override async Task<SignInResult> CheckPasswordSignInAsync(StaffUser user, string password, bool lockoutOnFailure)
    {
        if (await guesses.TryBeginAsync(user) is not { } attempt)
        {
            return SignInResult.LockedOut;
        }

        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        await guesses.EndAsync(user, attempt, result.Succeeded);
        return result;
    }
}
