using System.Security.Claims;

namespace AfterSales.Cloud.Auth;

/// <summary>What a password sign-in came to; a locked account says until when, so the page can tell the user.</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil)
{
    public static readonly SignInOutcome Refused = new(null, null);
}
