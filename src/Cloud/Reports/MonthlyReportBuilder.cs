using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Kpis;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Reports;

/// <summary>
/// Computes a site's monthly report from its inputs. Pure: the same inputs and moment give the
/// same figures, which is what lets the tests check them against sums done by hand.
/// </summary>
public static class MonthlyReportBuilder
{
    /// <param name="calendar">The service company's calendar: the month and its days start at its local midnight (docs/local-time.md).</param>
    public static MonthlyReport Build(ReportInputs inputs, DateOnly month, DateTimeOffset generatedAt, LocalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(calendar);
        month = ServiceMonth.FirstOfMonth(month);
        var from = calendar.StartOf(month);
        var monthEnd = calendar.StartOf(month.AddMonths(1));
        var to = generatedAt < monthEnd ? generatedAt : monthEnd;
        var opened = inputs.Tickets.Where(t => t.OpenedAt >= from && t.OpenedAt < to).OrderBy(t => t.OpenedAt).ToList();
        var outagesByDevice = SiteOutages.ByDevice(inputs.Devices, inputs.Tickets, from);
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
            Daily = Daily(outagesByDevice, opened, month, to, calendar),
        };
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
        t.AcknowledgeOutcome(asOf),
        t.ArrivedAt - t.OpenedAt,
        t.ArrivalDueAt,
        t.ArrivalOutcome(asOf),
        t.FixedAt is { } f && f <= asOf ? f - t.OpenedAt : null,
        t.RepairOutcome(asOf),
        t.FixedAt is { } r && r <= asOf ? (t.SelfRestored ? "Cleared by itself" : "Repaired") : t.ClosedAt is { } c && c <= asOf ? "Closed, no repair" : "Still open");

    private static SlaSummary Summarise(List<TicketFacts> opened, DateTimeOffset asOf)
    {
        var arrival = opened.Select(t => t.ArrivalOutcome(asOf)).ToList();
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
            Durations.Mean(opened.Select(t => t.AcknowledgedAt - t.OpenedAt)),
            Durations.Mean(opened.Select(t => t.ArrivedAt - t.OpenedAt)),
            Durations.Mean(opened.Select(t => t.FixedAt is { } f && f <= asOf ? f - t.OpenedAt : (TimeSpan?)null)),
            opened.Count(t => t.Repeat));
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

    private static List<DailyPoint> Daily(Dictionary<string, List<Outage>> outages, List<TicketFacts> opened, DateOnly month, DateTimeOffset to, LocalCalendar calendar)
    {
        var days = new List<DailyPoint>();
        for (var day = month; day < month.AddMonths(1); day = day.AddDays(1))
        {
            var start = calendar.StartOf(day);
            if (start >= to)
            {
                break;
            }

            var next = calendar.StartOf(day.AddDays(1));
            var end = next < to ? next : to;
            var availability = outages.Count == 0 ? 1 : outages.Values.Average(o => Availability.Ratio(o, start, end));
            days.Add(new DailyPoint(day, opened.Count(t => t.CountsAsDowntime && t.OpenedAt >= start && t.OpenedAt < end), availability));
        }

        return days;
    }
}
