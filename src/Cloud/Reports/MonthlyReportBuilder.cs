using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// Computes a site's monthly report from its inputs. Pure: the same inputs and moment give the
/// same figures, which is what lets the tests check them against sums done by hand.
/// </summary>
public static class MonthlyReportBuilder
{
    public static MonthlyReport Build(ReportInputs inputs, DateOnly month, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        month = ContractRules.FirstOfMonth(month);
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var monthEnd = from.AddMonths(1);
        var to = generatedAt < monthEnd ? generatedAt : monthEnd;
        var opened = inputs.Tickets.Where(t => t.OpenedAt >= from && t.OpenedAt < to).OrderBy(t => t.OpenedAt).ToList();
        var outagesByDevice = DeviceOutages(inputs.Devices, inputs.Tickets, from);
        var devices = outagesByDevice.Select(kv =>
        {
            var device = inputs.Devices.FirstOrDefault(d => d.DeviceId == kv.Key);
            var kind = device?.Kind ?? inputs.Tickets.First(t => t.DeviceId == kv.Key).DeviceKind;
            return new DeviceAvailability(
                kv.Key,
                device?.Label ?? kv.Key,
                kind,
                Availability.Ratio(kv.Value, from, to),
                Availability.Downtime(kv.Value, from, to),
                opened.Count(t => t.DeviceId == kv.Key && t.CountsAsDowntime));
        }).OrderBy(d => d.Availability).ThenBy(d => d.DeviceId, StringComparer.Ordinal).ToList();

        return new MonthlyReport
        {
            Site = new SiteHeader(inputs.Site.Id, inputs.Site.Name, inputs.Site.Customer, inputs.Site.Address, inputs.Site.ContactPhone),
            Contract = inputs.Contract is { } c ? new ContractHeader(c.Number, c.Category, c.StartsOn, c.EndsOn, c.InspectEveryMonths, c.ContactName) : null,
            Month = month,
            From = from,
            To = to,
            GeneratedAt = generatedAt,
            SiteAvailability = devices.Count == 0 ? 1 : devices.Average(d => d.Availability),
            TotalDowntime = devices.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Downtime),
            Devices = devices,
            Tickets = [.. opened.Select(t => Line(t, to))],
            Sla = Summarise(opened, to),
            Inspection = inputs.Inspection is { } job ? Summarise(job) : null,
            OpenDefects = [.. inputs.Tickets.Where(t => t.OpenedAt < to && IsOpenAt(t, to)).OrderBy(t => t.OpenedAt).Select(t => Line(t, to))],
            Feedback = Summarise(inputs.Surveys, inputs.Complaints, from, to),
            Daily = Daily(outagesByDevice, opened, month, to),
        };
    }

    /// <summary>The mean availability of a site's devices over a window, as the monthly report computes it.</summary>
    public static double SiteAvailability(IEnumerable<InventoryDevice> devices, IEnumerable<TicketFacts> tickets, DateTimeOffset from, DateTimeOffset to)
    {
        var outages = DeviceOutages(devices, tickets, from);
        return outages.Count == 0 ? 1 : outages.Values.Average(o => Availability.Ratio(o, from, to));
    }

    /// <summary>Outages per device, every active inventory device included (a device with none is 100 %).</summary>
    private static Dictionary<string, List<Outage>> DeviceOutages(IEnumerable<InventoryDevice> devices, IEnumerable<TicketFacts> tickets, DateTimeOffset from)
    {
        var byDevice = devices
            .Where(d => d.RetiredAt is null || d.RetiredAt >= from)
            .ToDictionary(d => d.DeviceId, _ => new List<Outage>(), StringComparer.Ordinal);
        foreach (var t in tickets.Where(t => t.CountsAsDowntime))
        {
            if (!byDevice.TryGetValue(t.DeviceId, out var list))
            {
                byDevice[t.DeviceId] = list = [];
            }

            list.AddRange(t.Outages);
        }

        return byDevice;
    }

    private static bool IsOpenAt(TicketFacts t, DateTimeOffset at)
    {
        var closed = t.ClosedAt is { } c && c <= at;
        var fixedBefore = t.FixedAt is { } f && f <= at;
        return !closed && !fixedBefore;
    }

    private static TicketLine Line(TicketFacts t, DateTimeOffset asOf) => new(
        t.TicketId,
        t.DeviceId,
        t.Fault,
        t.Severity,
        t.OpenedAt,
        t.AcknowledgedAt - t.OpenedAt,
        SlaJudge.Acknowledge(t, asOf),
        t.ArrivedAt - t.OpenedAt,
        t.ArrivalDueAt,
        SlaJudge.Arrival(t, asOf),
        t.FixedAt is { } f && f <= asOf ? f - t.OpenedAt : null,
        SlaJudge.Repair(t, asOf),
        t.FixedAt is { } r && r <= asOf ? (t.SelfRestored ? "Cleared by itself" : "Repaired") : t.ClosedAt is { } c && c <= asOf ? "Closed" : "Open");

    private static SlaSummary Summarise(List<TicketFacts> opened, DateTimeOffset asOf)
    {
        var arrival = opened.Select(t => SlaJudge.Arrival(t, asOf)).ToList();
        int Count(SlaOutcome o) => arrival.Count(a => a == o);
        var met = Count(SlaOutcome.Met);
        var missed = Count(SlaOutcome.Missed);
        return new SlaSummary(
            opened.Count,
            met,
            missed,
            Count(SlaOutcome.NotNeeded),
            Count(SlaOutcome.Pending),
            Count(SlaOutcome.NotTracked),
            met + missed == 0 ? null : (double)met / (met + missed),
            Mean(opened.Select(t => t.AcknowledgedAt - t.OpenedAt)),
            Mean(opened.Select(t => t.ArrivedAt - t.OpenedAt)),
            Mean(opened.Select(t => t.FixedAt is { } f && f <= asOf ? f - t.OpenedAt : (TimeSpan?)null)),
            opened.Count(t => t.Repeat));
    }

    public static TimeSpan? Mean(IEnumerable<TimeSpan?> spans)
    {
        var values = spans.Where(s => s is not null).Select(s => s!.Value.Ticks).ToList();
        return values.Count == 0 ? null : TimeSpan.FromTicks((long)values.Average());
    }

    private static InspectionSummary Summarise(InspectionJob job)
    {
        var lines = job.Items.OrderBy(i => i.Position)
            .Select(i => new InspectionLine(i.Position, i.Area, i.Label, i.Prefill, i.Result, i.Note, i.TicketId)).ToList();
        int Count(ItemResult r) => lines.Count(l => l.Result == r);
        return new InspectionSummary(job.Id, job.TechnicianId, job.ScheduledFor, job.CompletedAt,
            Count(ItemResult.Pass), Count(ItemResult.Fail), Count(ItemResult.NotApplicable), Count(ItemResult.Pending), lines, job.Remarks);
    }

    private static FeedbackSummary Summarise(IReadOnlyList<Survey> surveys, IReadOnlyList<Complaint> complaints, DateTimeOffset from, DateTimeOffset to)
    {
        var sent = surveys.Where(s => s.SentAt >= from && s.SentAt < to).ToList();
        var answered = sent.Where(SurveyScore.IsAnswered).ToList();
        return new FeedbackSummary(
            sent.Count,
            answered.Count,
            SurveyScore.Averages(answered),
            SurveyScore.SatisfactionRate(answered),
            [.. answered.Where(s => !string.IsNullOrWhiteSpace(s.Comment)).Select(s => s.Comment!)],
            [.. complaints.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).OrderBy(c => c.Number, StringComparer.Ordinal)
                .Select(c => new ComplaintLine(c.Number, c.ReceivedAt, c.Summary, c.Cause, ComplaintStatus(c, to)))]);
    }

    public static string ComplaintStatus(Complaint c, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ResolvedAt is { } r && r <= asOf)
        {
            return ComplaintRules.ResolvedOnTime(c) ? "Resolved on time" : "Resolved late";
        }

        return asOf > c.ResolveDueAt ? "Open, overdue" : c.AnsweredAt is not null ? "Answered, in hand" : "Registered";
    }

    private static List<DailyPoint> Daily(Dictionary<string, List<Outage>> outages, List<TicketFacts> opened, DateOnly month, DateTimeOffset to)
    {
        var days = new List<DailyPoint>();
        for (var day = month; day < month.AddMonths(1); day = day.AddDays(1))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (start >= to)
            {
                break;
            }

            var end = start.AddDays(1) < to ? start.AddDays(1) : to;
            var availability = outages.Count == 0 ? 1 : outages.Values.Average(o => Availability.Ratio(o, start, end));
            days.Add(new DailyPoint(day, opened.Count(t => t.CountsAsDowntime && t.OpenedAt >= start && t.OpenedAt < end), availability));
        }

        return days;
    }
}
