using System.Globalization;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// When a one-time enrolment token is good (docs/service-rules.md §7.2): it names a gateway, has not
/// been used, and has not expired. Each refusal says what to do next.
/// </summary>
public static class EnrolmentRules
{
    public const double DefaultValidHours = 72;

    public static string? Refusal(RegisteredGateway? gateway, DateTimeOffset now)
    {
        if (gateway is null)
        {
            return "This enrolment token is not known: check it was copied whole, or ask the administrator for a new one (a new token replaces the old).";
        }

        if (gateway.EnrolledAt is { } used)
        {
            return $"This enrolment token was already used at {Stamp(used)} (gateway {gateway.Id}); a token works once. Ask the administrator for a new one.";
        }

        if (gateway.EnrolmentExpiresAt is not { } expires || now >= expires)
        {
            return $"This enrolment token expired at {(gateway.EnrolmentExpiresAt is { } e ? Stamp(e) : "issue")} (gateway {gateway.Id}). Ask the administrator for a new one.";
        }

        return null;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
