using System.Globalization;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace AfterSales.Cloud.Jobs;

/// <summary>The customer's message when the technician accepts: who is coming and when, in the company's local time (docs/service-rules.md §1.13).</summary>
internal static class EtaComposer
{
    public const int MaxMinutes = 24 * 60;

    /// <summary>Why the minutes cannot be an ETA; null when they can.</summary>
    public static string? Refuse(int? minutes) => minutes switch
    {
        null => "Say when you will be there (minutes from now) — the customer is told.",
        < 1 or > MaxMinutes => $"The expected arrival is between 1 and {MaxMinutes} minutes from now.",
        _ => null,
    };

    /// <summary>In the customer's language, which the caller's <paramref name="T"/> is set to.</summary>
    public static string CustomerText(IStringLocalizer T, string technician, string siteName, long ticketId, DateTimeOffset eta, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(zone);
        var local = Instant.FromDateTimeOffset(eta).InZone(zone);
        return T["{0} is on the way to {1} (job {2}) and expects to arrive at {3} on {4}.", technician, siteName, ticketId,
            local.ToString("HH:mm", CultureInfo.InvariantCulture), local.ToString("MM-dd", CultureInfo.InvariantCulture)];
    }
}
