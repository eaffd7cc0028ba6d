using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Auth;

/// <summary>How sign-in defends itself (docs/security.md, "Sign-in").</summary>
public sealed class SignInOptions
{
    public const string Section = "Auth";

    /// <summary>The rate-limiting policy the sign-in page runs under.</summary>
    public const string RateLimitPolicy = "signin";

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked account refuses even the right password.</summary>
    [Range(1, 24 * 60)]
    public double LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts one address may make per minute, across all accounts.</summary>
    [Range(1, 10_000)]
    public int AttemptsPerMinutePerAddress { get; set; } = 10;

    /// <summary>
    /// How often a browser's cookie is checked against the account (disabled, password, role or
    /// tenant changed) or the key it came from (revoked).
    /// </summary>
    [Range(1, 3600)]
    public int RevalidateSeconds { get; set; } = 60;

    /// <summary>
    /// Whether <c>/signin?key=…</c> signs in: an API key in a URL ends up in browser history and
    /// proxy logs, so only the demo, which prints such a link, turns it on.
    /// </summary>
    public bool AllowKeyLinks { get; set; }
}
