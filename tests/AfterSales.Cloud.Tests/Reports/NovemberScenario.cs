using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Contracts;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Inspections;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Reports;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.History;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tests.Reports;

/// <summary>
/// November 2026 (30 days = 720 h) at one site with four devices. Every expected figure in the
/// tests was worked out by hand from the comments below, not by running the code.
/// </summary>
internal static class NovemberScenario
{
    public static readonly DateOnly Month = new(2026, 11, 1);

    /// <summary>The report runs on 1 December at 06:00, after the month closed at midnight.</summary>
    public static readonly DateTimeOffset GeneratedAt = At(12, 1, 6, 0);

    /// <summary>The hand-worked month counts in UTC days, so its sums stay simple.</summary>
    public static readonly LocalCalendar Utc = new(NodaTime.DateTimeZone.Utc, new HashSet<DateOnly>(), new HashSet<DateOnly>());

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public static ReportInputs Inputs() => new(
        new Site { Id = "site-a", Name = "Jinjiang branch", Customer = "Chengdu Trust Bank", Address = "1 Hongxing Road", ContactPhone = "+86 28 0000 0000" },
        new MaintenanceContract
        {
            Number = "MC-2026-017", SiteId = "site-a", Category = ServiceCategory.Contract,
            StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31), ContactEmails = "security@bank.example",
        },
        [Device("panel", DeviceKind.Panel), Device("cam-1", DeviceKind.Camera), Device("cam-2", DeviceKind.Camera), Device("nvr-1", DeviceKind.Recorder)],
        Tickets(),
        Inspection(),
        Surveys(),
        [Complaint()]);

    private static InventoryDevice Device(string id, DeviceKind kind) => new() { SiteId = "site-a", DeviceId = id, Kind = kind };

    private static List<TicketFacts> Tickets() =>
    [
        // T0: from October; down Oct 31 20:00 → Nov 1 02:00, so 2 h fall in November. Not a November ticket.
        Facts(10, "cam-2", FaultCodes.CameraVideoLoss, At(10, 31, 20)) with
        {
            RestoredAt = At(11, 1, 2), ClosedAt = At(11, 1, 3), ArrivalDueAt = At(10, 31, 23),
            Outages = [new(At(10, 31, 20), At(11, 1, 2))],
        },

        // T1: cam-1 down 10:00–13:00 (3 h); cleared at the deadline itself, nobody had to come → not needed.
        Facts(11, "cam-1", FaultCodes.CameraOffline, At(11, 3, 10)) with
        {
            RestoredAt = At(11, 3, 13), ClosedAt = At(11, 3, 14), ArrivalDueAt = At(11, 3, 13),
            Outages = [new(At(11, 3, 10), At(11, 3, 13))],
        },

        // T2: cam-1 again within 30 days (repeat). Down 08–09 and 10–12 (3 h). Acknowledged after 10 min,
        // on site 10:30 before the 11:00 deadline (met), repaired 12:00 (4 h to restore).
        Facts(12, "cam-1", FaultCodes.CameraOffline, At(11, 10, 8)) with
        {
            AcknowledgedAt = At(11, 10, 8, 10), AcknowledgeDueAt = At(11, 10, 8, 30), ArrivedAt = At(11, 10, 10, 30), ArrivalDueAt = At(11, 10, 11),
            ResolvedAt = At(11, 10, 12), ResolutionDueAt = At(11, 10, 12), RestoredAt = At(11, 10, 12), ClosedAt = At(11, 10, 13), Repeat = true,
            Outages = [new(At(11, 10, 8), At(11, 10, 9)), new(At(11, 10, 10), At(11, 10, 12))],
        },

        // T3: panel down 22:00–02:00 (4 h). Acknowledged after 40 min, on site after 3 h against 2 h (late), repaired after 4 h.
        Facts(13, "panel", FaultCodes.PanelAcLoss, At(11, 20, 22), FaultSeverity.Critical) with
        {
            AcknowledgedAt = At(11, 20, 22, 40), AcknowledgeDueAt = At(11, 20, 22, 30), ArrivedAt = At(11, 21, 1), ArrivalDueAt = At(11, 21, 0),
            ResolvedAt = At(11, 21, 2), ResolutionDueAt = At(11, 21, 2), RestoredAt = At(11, 21, 2), ClosedAt = At(11, 21, 3),
            Outages = [new(At(11, 20, 22), At(11, 21, 2))],
        },

        // T4: recorder down from Nov 29 12:00 past the month's end: 36 h; nobody by the 18:00 deadline → late, and an open defect.
        Facts(14, "nvr-1", FaultCodes.RecorderDiskFault, At(11, 29, 12)) with
        {
            ArrivalDueAt = At(11, 29, 18),
            Outages = [new(At(11, 29, 12), null)],
        },

        // T5 and T6 overlap on cam-2: 10:00–11:00 and 10:30–12:00 → 2 h once, not 2.5 h. Both cleared before their deadlines.
        Facts(15, "cam-2", FaultCodes.CameraTamper, At(11, 15, 10)) with
        {
            RestoredAt = At(11, 15, 11), ClosedAt = At(11, 15, 12), ArrivalDueAt = At(11, 15, 13),
            Outages = [new(At(11, 15, 10), At(11, 15, 11))],
        },
        Facts(16, "cam-2", FaultCodes.CameraOffline, At(11, 15, 10, 30)) with
        {
            RestoredAt = At(11, 15, 12), ClosedAt = At(11, 15, 13), ArrivalDueAt = At(11, 15, 13, 30),
            Outages = [new(At(11, 15, 10, 30), At(11, 15, 12))],
        },

        // T7: a defect the inspection found on the cabling: a ticket, still open, but not an outage of any device.
        Facts(17, "site.cabling.5", CloudFaults.InspectionDefect, At(11, 12, 11)) with
        {
            CountsAsDowntime = false,
            Outages = [new(At(11, 12, 11), null)],
        },
    ];

    private static TicketFacts Facts(long id, string device, string fault, DateTimeOffset opened, FaultSeverity severity = FaultSeverity.Major) => new()
    {
        TicketId = id,
        SiteId = "site-a",
        DeviceId = device,
        DeviceKind = device.StartsWith("cam", StringComparison.Ordinal) ? DeviceKind.Camera : DeviceKind.Panel,
        Fault = fault,
        Severity = severity,
        OpenedAt = opened,
    };

    private static InspectionJob Inspection()
    {
        var job = InspectionJob.Plan("site-a", Month, "tech-li", new DateOnly(2026, 11, 12), At(11, 1, 0)).WithId(5);
        job.Items.AddRange(
        [
            new() { Position = 1, Area = InspectionArea.FrontEnd, DeviceId = "cam-1", Label = "cam-1", Check = "image", Prefill = "Availability 99.58 % · 1 fault", Result = ItemResult.Pass },
            new() { Position = 2, Area = InspectionArea.FrontEnd, DeviceId = "cam-2", Label = "cam-2", Check = "image", Result = ItemResult.Pass },
            new() { Position = 3, Area = InspectionArea.Cabling, Label = "Cable quality", Check = "sheaths", Result = ItemResult.Pass },
            new() { Position = 5, Area = InspectionArea.Cabling, Label = "Joints and terminations", Check = "joints", Result = ItemResult.Fail, Note = "Corroded BNC joint at cam-2", TicketId = 17 },
            new() { Position = 9, Area = InspectionArea.SystemFunctions, Label = "Operation by the customer", Check = "staff", Result = ItemResult.NotApplicable },
        ]);
        job.Complete(null, At(11, 12, 11, 30));
        return job;
    }

    private static List<Survey> Surveys() =>
    [
        Survey("a", At(11, 10, 13), At(11, 10, 18), [4, 4, 3, 4], "Quick and tidy."),
        Survey("b", At(11, 21, 3), At(11, 21, 9), [4, 3, 2, 3]),
        Feedback.Survey.Issue("c", "site-a", null, null, null, At(11, 12, 12)),

        // Sent in October: not this month's.
        Survey("d", At(10, 31, 23), At(11, 1, 8), [1, 1, 1, 1]),
    ];

    private static Survey Survey(string token, DateTimeOffset sent, DateTimeOffset answered, int[] levels, string? comment = null)
    {
        var survey = Feedback.Survey.Issue(token, "site-a", null, null, null, sent);
        survey.Answer(levels[0], levels[1], levels[2], levels[3], comment, answered);
        return survey;
    }

    /// <summary>Received 21 Nov 09:00: answer due 13:00, resolution due 23 Nov 09:00 (the default policy); answered and resolved in time.</summary>
    private static Complaint Complaint()
    {
        var complaint = Feedback.Complaint.Register(
            "2611-001", "site-a", "The technician came an hour after the promised time.", ComplaintCause.LateArrival, serviceAtFault: true, serious: false, At(11, 21, 9), new ComplaintPolicy());
        complaint.Answer(At(11, 21, 12));
        complaint.Resolve("Route planning changed", At(11, 22, 10));
        return complaint;
    }
}
