using AfterSales.Cloud.Calendar;
using System.Globalization;
using AfterSales.Cloud.Documents;
using AfterSales.Cloud.Documents.Model;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Sla;

namespace AfterSales.Cloud.Reports;

/// <summary>How figures read in every report, PDF and HTML alike.</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", Culture);

    public static string Percent(double ratio, int decimals = 2) => (ratio * 100).ToString("F" + decimals, Culture) + " %";

    public static string Percent(double? ratio, int decimals = 0) => ratio is { } r ? Percent(r, decimals) : "—";

    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", Culture);

    public static string When(DateTimeOffset at) => DisplayZone.Local(at).ToString("d MMM HH:mm", Culture);

    public static string When(DateTimeOffset? at) => at is { } a ? When(a) : "—";

    /// <summary>When a report was made, for its footer.</summary>
    public static string Generated(DateTimeOffset at) => DisplayZone.Local(at).ToString("d MMM yyyy HH:mm", Culture);

    public static string Duration(TimeSpan? span)
    {
        if (span is not { } s)
        {
            return "—";
        }

        if (s < TimeSpan.FromMinutes(1))
        {
            return s.TotalSeconds.ToString("0", Culture) + " s";
        }

        if (s < TimeSpan.FromHours(1))
        {
            return s.TotalMinutes.ToString("0", Culture) + " min";
        }

        return s < TimeSpan.FromDays(2)
            ? $"{(int)s.TotalHours} h {s.Minutes:00} min"
            : $"{(int)s.TotalDays} d {s.Hours} h";
    }

    public static string Outcome(SlaOutcome outcome) => outcome switch
    {
        SlaOutcome.Met => "on time",
        SlaOutcome.Missed => "late",
        SlaOutcome.Pending => "in progress",
        SlaOutcome.NotNeeded => "not needed",
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

    public static string Area(InspectionArea area) => area switch
    {
        InspectionArea.FrontEnd => "Front-end devices",
        InspectionArea.Cabling => "Cabling",
        InspectionArea.CentralControl => "Central control",
        InspectionArea.SystemFunctions => "System functions",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    public static string Result(ItemResult result) => result switch
    {
        ItemResult.Pass => "Pass",
        ItemResult.Fail => "Fail",
        ItemResult.NotApplicable => "n/a",
        ItemResult.Pending => "Not checked",
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

    /// <summary>The tile's note under the on-time rate.</summary>
    public static string ArrivalNote(SlaSummary sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var judged = sla.ArrivalMet + sla.ArrivalMissed;
        return judged == 0 ? "no visit was needed" : $"{sla.ArrivalMet} of {judged} faults";
    }

    /// <summary>"Mean time to acknowledge 25 min · to arrive …. " naming only the steps that were recorded.</summary>
    public static string MeanTimes(SlaSummary sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var parts = new[] { ("acknowledge", sla.MeanToAcknowledge), ("arrive", sla.MeanToArrive), ("restore", sla.MeanToRestore) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {Duration(p.Item2)}").ToList();
        return parts.Count == 0 ? string.Empty : "Mean time to " + string.Join(" · to ", parts) + ". ";
    }

    /// <summary>The opening paragraph: what a customer wants to know in three sentences.</summary>
    public static string Summary(MonthlyReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var faults = r.Sla.Tickets switch { 0 => "No faults were reported", 1 => "One fault was reported", var n => $"{n} faults were reported" };
        var arrivals = r.Sla.ArrivalMet + r.Sla.ArrivalMissed == 0
            ? string.Empty
            : $"; the arrival deadline was kept for {r.Sla.ArrivalMet} of the {r.Sla.ArrivalMet + r.Sla.ArrivalMissed} that needed a technician";
        var cleared = r.Sla.ArrivalNotNeeded > 0 ? $"; {r.Sla.ArrivalNotNeeded} cleared before a visit was needed" : string.Empty;
        var inspection = r.Inspection switch
        {
            null => "No inspection was scheduled this month.",
            { CompletedAt: null } i => $"The monthly inspection (scheduled {Day(i.ScheduledFor)}) is not completed yet.",
            var i => $"The monthly inspection on {Day(DisplayZone.Calendar.DayOf(i.CompletedAt!.Value))} checked {i.Lines.Count} items: {i.Passed} passed"
                + (i.Failed > 0 ? $", {i.Failed} failed and were put in hand for repair." : ", none failed."),
        };
        return $"In {MonthName(r.Month)} your security system at {r.Site.Name} was available {Percent(r.SiteAvailability)} of the time. "
            + $"{faults}{arrivals}{cleared}. {inspection}";
    }
}
