using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Sla;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// How figures and words read in every report, PDF, HTML and mail alike: in the current culture
/// (the reader's, or the service company's for what the calendar writes; docs/localization.md), the
/// words from <c>Strings</c> and the times on the company's clock (docs/local-time.md). The date
/// patterns are resource entries too, so each language writes its own order (2026年11月1日, 1 Nov 2026).
/// </summary>
internal static class ReportFormat
{
    public static CultureInfo Culture => CultureInfo.CurrentCulture;

    public static string MonthName(DateOnly month, IStringLocalizer T) => T["{0:MMMM yyyy}", month];

    public static string Percent(double ratio, int decimals = 2) => (ratio * 100).ToString("F" + decimals, Culture) + " %";

    public static string Percent(double? ratio, int decimals = 0) => ratio is { } r ? Percent(r, decimals) : "—";

    public static string Day(DateOnly day, IStringLocalizer T) => T["{0:d MMM yyyy}", day];

    public static string When(DateTimeOffset at, IStringLocalizer T) => T["{0:d MMM HH:mm}", DisplayZone.Local(at).DateTime];

    public static string When(DateTimeOffset? at, IStringLocalizer T) => at is { } a ? When(a, T) : "—";

    /// <summary>When a report was made, for its footer.</summary>
    public static string Generated(DateTimeOffset at, IStringLocalizer T) => T["{0:d MMM yyyy HH:mm}", DisplayZone.Local(at).DateTime];

    public static string Duration(TimeSpan? span, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        if (span is not { } s)
        {
            return "—";
        }

        if (s < TimeSpan.FromMinutes(1))
        {
            return T["{0} s", s.TotalSeconds.ToString("0", Culture)];
        }

        if (s < TimeSpan.FromHours(1))
        {
            return T["{0} min", s.TotalMinutes.ToString("0", Culture)];
        }

        return s < TimeSpan.FromDays(2)
            ? T["{0} h {1} min", (int)s.TotalHours, s.Minutes.ToString("00", Culture)]
            : T["{0} d {1} h", (int)s.TotalDays, s.Hours];
    }

    public static string Outcome(SlaOutcome outcome, IStringLocalizer T) => outcome switch
    {
        SlaOutcome.Met => T["on time"],
        SlaOutcome.Missed => T["late"],
        SlaOutcome.Pending => T["in progress"],
        SlaOutcome.NotNeeded => T["not needed"],
        SlaOutcome.NotTracked => "—",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static PdfTone Tone(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => PdfTone.Good,
        SlaOutcome.Missed => PdfTone.Bad,
        SlaOutcome.Pending => PdfTone.Warn,
        SlaOutcome.NotNeeded or SlaOutcome.NotTracked => PdfTone.Neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Area(InspectionArea area, IStringLocalizer T) => area switch
    {
        InspectionArea.FrontEnd => T["Front-end devices"],
        InspectionArea.Cabling => T["Cable runs"],
        InspectionArea.CentralControl => T["Central control"],
        InspectionArea.SystemFunctions => T["System functions"],
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    public static string Result(ItemResult result, IStringLocalizer T) => result switch
    {
        ItemResult.Pass => T["Pass"],
        ItemResult.Fail => T["Fail"],
        ItemResult.NotApplicable => T["n/a"],
        ItemResult.Pending => T["Not checked"],
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    public static PdfTone Tone(ItemResult result) => result switch
    {
        ItemResult.Pass => PdfTone.Good,
        ItemResult.Fail => PdfTone.Bad,
        ItemResult.Pending => PdfTone.Warn,
        ItemResult.NotApplicable => PdfTone.Neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    /// <summary>
    /// A word the figures carry as English (a fault code, a device kind, a ticket's or complaint's state,
    /// a checklist label): its resource entry when there is one, else as it is (a fault code stays readable).
    /// </summary>
    public static string Word(string? word, IStringLocalizer T) => string.IsNullOrEmpty(word) ? string.Empty : T[word];

    /// <summary>Sentences one after the other: a space between them in English, none after a Chinese 。.</summary>
    public static string Sentences(IStringLocalizer T, params string[] sentences)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Where(s => s.Length > 0).DefaultIfEmpty(string.Empty).Aggregate((a, b) => T["{0} {1}", a, b]);
    }

    /// <summary>The tile's note under the on-time rate.</summary>
    public static string ArrivalNote(SlaSummary sla, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var judged = sla.ArrivalMet + sla.ArrivalMissed;
        return judged == 0 ? T["no visit was needed"] : T["{0} of {1} faults", sla.ArrivalMet, judged];
    }

    /// <summary>"Mean time to acknowledge 25 min · to arrive …. " naming only the steps that were recorded.</summary>
    public static string MeanTimes(SlaSummary sla, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var parts = new[] { (T["to acknowledge {0}"], sla.MeanToAcknowledge), (T["to arrive {0}"], sla.MeanToArrive), (T["to restore {0}"], sla.MeanToRestore) }
            .Where(p => p.Item2 is not null).Select(p => string.Format(Culture, p.Item1, Duration(p.Item2, T))).ToList();
        return parts.Count == 0 ? string.Empty : T["Mean time {0}.", string.Join(" · ", parts)];
    }

    /// <summary>The opening paragraph: what a customer wants to know in three sentences.</summary>
    public static string Summary(MonthlyReport r, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(T);
        var faults = r.Sla.Tickets switch { 0 => T["No faults were reported"], 1 => T["One fault was reported"], var n => T["{0} faults were reported", n] };
        var arrivals = r.Sla.ArrivalMet + r.Sla.ArrivalMissed == 0
            ? string.Empty
            : T["; the arrival deadline was kept for {0} of the {1} that needed a technician", r.Sla.ArrivalMet, r.Sla.ArrivalMet + r.Sla.ArrivalMissed].Value;
        var cleared = r.Sla.ArrivalNotNeeded > 0 ? T["; {0} cleared before a visit was needed", r.Sla.ArrivalNotNeeded].Value : string.Empty;
        var inspection = r.Inspection switch
        {
            null => T["No inspection was scheduled this month."],
            { CompletedAt: null } i => T["The monthly inspection (scheduled {0}) is not completed yet.", Day(i.ScheduledFor, T)],
            var i => i.Failed > 0
                ? T["The monthly inspection on {0} checked {1} items: {2} passed, {3} failed and were put in hand for repair.", Day(DisplayZone.Calendar.DayOf(i.CompletedAt!.Value), T), i.Lines.Count, i.Passed, i.Failed]
                : T["The monthly inspection on {0} checked {1} items: {2} passed, none failed.", Day(DisplayZone.Calendar.DayOf(i.CompletedAt!.Value), T), i.Lines.Count, i.Passed],
        };
        return Sentences(T, T["In {0} your security system at {1} was available {2} of the time.", MonthName(r.Month, T), r.Site.Name, Percent(r.SiteAvailability)],
            T["{0}{1}{2}.", faults, arrivals, cleared], inspection);
    }
}
