using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Timers;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using AfterSales.Cloud.Tickets.Work;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Jobs;

/// <summary>
/// What people do to a job, each checked against who they are: a technician acts only on jobs
/// assigned to them, staff only within their tenant, customers never. Returns false when the
/// ticket does not exist for this user (indistinguishable from not existing at all).
/// </summary>
internal sealed class JobService(
    IDbContextFactory<CloudDb> dbs,
    TicketWorkflowService workflow,
    SurveyService surveys,
    NotificationService notifier,
    TenantCalendars calendars,
    TimeProvider time)
{
    public Task<bool> AcceptAsync(long id, DeskUser user, CancellationToken ct) => AcceptAsync(id, user, null, ct);

    /// <summary>
    /// Accepted after calling the customer; with <paramref name="etaMinutes"/>, the arrival time told is
    /// recorded and sent to the site's contact by SMS (docs/service-rules.md §1.13).
    /// </summary>
    public Task<bool> AcceptAsync(long id, DeskUser user, int? etaMinutes, CancellationToken ct) => RunAsync(id, user, async (db, t, site, now) =>
    {
        if (etaMinutes is not null && EtaComposer.Refuse(etaMinutes) is { } refusal)
        {
            throw new WorkflowRefusedException(refusal);
        }

        DateTimeOffset? eta = etaMinutes is { } m ? now + TimeSpan.FromMinutes(m) : null;
        var zone = calendars.For(site.TenantId).Zone;
        // The audit trail reads in UTC like the rest of it; the customer's SMS reads in local time.
        var told = eta is { } e ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"customer called; expected on site at {e:HH:mm} UTC") : "customer called";
        TicketWorkflowService.Record(db, t, t.Accept(now, eta), user.Name, now, told);
        SlaTimerService.Cancel(db, t.Id, now, TimerKind.Acknowledge, TimerKind.AcceptTimeout);
        if (eta is { } arrival && !string.IsNullOrWhiteSpace(site.ContactPhone))
        {
            var technician = await db.Technicians.AsNoTracking().Where(x => x.Id == t.TechnicianId).Select(x => x.Name).SingleOrDefaultAsync(ct) ?? user.Name;
            notifier.SendTo(db, Recipients.Customer(site.Id), NoticeKind.CustomerEta, t.Id, T => EtaComposer.CustomerText(T, technician, site.Name, t.Id, arrival, zone), NotificationChannel.Sms, site.ContactPhone, site.TenantId);
        }
    }, ct);

    public Task<bool> DepartAsync(long id, DeskUser user, CancellationToken ct) => RunAsync(id, user, (db, t, _, now) =>
    {
        TicketWorkflowService.Record(db, t, t.Depart(now), user.Name, now, null);
        return Task.CompletedTask;
    }, ct);

    public Task<bool> ArriveAsync(long id, DeskUser user, double? latitude, double? longitude, CancellationToken ct) => RunAsync(id, user, async (db, t, site, now) =>
    {
        var where = latitude is { } lat && longitude is { } lon
            ? FormattableString.Invariant($"checked in at {lat:0.00000},{lon:0.00000}, {new Sla.Zones.GeoPoint(lat, lon).DistanceKmTo(new Sla.Zones.GeoPoint(site.Latitude, site.Longitude)):0.00} km from the site")
            : "checked in without a location (the phone gave none)";
        TicketWorkflowService.Record(db, t, t.Arrive(now), user.Name, now, where);
        SlaTimerService.Cancel(db, t.Id, now, TimerKind.Arrival, TimerKind.Acknowledge, TimerKind.AcceptTimeout);
        if (latitude is not null && longitude is not null && t.TechnicianId is { } technicianId)
        {
            await db.Technicians.Where(x => x.Id == technicianId).ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LastLatitude, latitude).SetProperty(x => x.LastLongitude, longitude).SetProperty(x => x.LastSeenAt, now), ct);
        }
    }, ct);

    public Task<bool> NoteAsync(long id, DeskUser user, string text, CancellationToken ct) => RunAsync(id, user, (db, t, _, now) =>
    {
        Require(!string.IsNullOrWhiteSpace(text), "A note needs some text.");
        TicketWorkflowService.Audit(db, t, now, user.Name, "note", Clip(text.Trim(), 2000));
        return Task.CompletedTask;
    }, ct);

    public Task<bool> AddPartAsync(long id, DeskUser user, string part, int quantity, string? reason, CancellationToken ct) => RunAsync(id, user, (db, t, _, now) =>
    {
        Require(t.Status is TicketStatus.OnSite, "Parts are recorded on site, before the job is resolved.");
        Require(!string.IsNullOrWhiteSpace(part), "Name the part.");
        Require(quantity is > 0 and <= 1000, "The quantity must be between 1 and 1000.");
        db.PartsUsed.Add(new PartUsed { TicketId = t.Id, Visit = t.Visit, Part = Clip(part.Trim(), 200), Quantity = quantity, Reason = reason is null ? null : Clip(reason.Trim(), 400), RecordedAt = now, RecordedBy = user.Name });
        TicketWorkflowService.Audit(db, t, now, user.Name, "part used", $"{quantity} × {part.Trim()}{(string.IsNullOrWhiteSpace(reason) ? string.Empty : " — " + reason.Trim())}");
        return Task.CompletedTask;
    }, ct);

    /// <summary>Work done: refused until every test of the device's kind passed (docs/service-rules.md §2.18); the tests are kept in the audit trail.</summary>
    public Task<bool> ResolveAsync(long id, DeskUser user, string resolution, IReadOnlyCollection<string>? testsPassed, CancellationToken ct) => RunAsync(id, user, (db, t, _, now) =>
    {
        if (RepairTestRules.Missing(t.DeviceKind, testsPassed) is { } missing)
        {
            throw new WorkflowRefusedException(missing);
        }

        var change = t.Resolve(resolution, now);
        TicketWorkflowService.Record(db, t, change, user.Name, now, t.Resolution);
        TicketWorkflowService.Audit(db, t, now, user.Name, "tests passed", string.Join("; ", RepairTestRules.For(t.DeviceKind)));
        SlaTimerService.Cancel(db, t.Id, now, TimerKind.Resolution);
        return Task.CompletedTask;
    }, ct);

    /// <summary>The customer signs after the work, never before (seed 003 Ⅳ 3.3.2); the state machine refuses an early or second signature.</summary>
    public Task<bool> SignAsync(long id, DeskUser user, string signerName, byte[] png, CancellationToken ct) => RunAsync(id, user, async (db, t, _, now) =>
    {
        Require(!string.IsNullOrWhiteSpace(signerName), "Type the name of the person signing.");
        Require(png.Length is > 100 and < 500_000 && png.AsSpan(0, 8).SequenceEqual(PngMagic), "The signature must be a drawn PNG image.");
        TicketWorkflowService.Record(db, t, t.Sign(await IsSignedAsync(db, t, ct), now), user.Name, now, $"signed by {signerName.Trim()}");
        db.JobSignatures.Add(new JobSignature { TicketId = t.Id, Visit = t.Visit, SignerName = Clip(signerName.Trim(), 200), Png = png, SignedAt = now, CollectedBy = user.Name });
    }, ct);

    /// <summary>Closing a job invites the customer to the after-job survey (DOMAIN.md §4), once the close is committed.</summary>
    public async Task<bool> CloseAsync(long id, DeskUser user, CancellationToken ct)
    {
        Ticket? closed = null;
        var done = await RunAsync(id, user, async (db, t, site, now) =>
        {
            TicketWorkflowService.Record(db, t, t.Close(await IsSignedAsync(db, t, ct), now), user.Name, now, null);
            await workflow.ReleaseFollowersAsync(db, t, site, now, ct);
            closed = t;
        }, ct);
        if (done && closed is not null)
        {
            await surveys.IssueAsync(user.TenantId, closed.SiteId, closed.TechnicianId, closed.Id, inspectionJobId: null, ct, invite: true);
        }

        return done;
    }

    public Task<bool> CancelAsync(long id, DeskUser user, string reason, CancellationToken ct) => RunAsync(id, user, async (db, t, site, now) =>
    {
        Require(user.IsStaff, "Only a dispatcher cancels a job.");
        Require(!string.IsNullOrWhiteSpace(reason), "Give the reason for cancelling.");
        TicketWorkflowService.Record(db, t, t.Cancel(now), user.Name, now, reason.Trim());
        await workflow.ReleaseFollowersAsync(db, t, site, now, ct);
    }, ct);

    public Task<bool> ReassignAsync(long id, DeskUser user, string technicianId, CancellationToken ct) => RunAsync(id, user, (db, t, site, now) =>
    {
        Require(user.IsStaff, "Only a dispatcher reassigns a job.");
        return workflow.AssignAsync(db, t, site, technicianId, user.Name, now, "by hand", ct);
    }, ct);

    /// <summary>The dispatcher gives a ticket the zones could not place its arrival deadline (DOMAIN.md §1: never guessed); an undispatched job is then dispatched.</summary>
    public Task<bool> SetArrivalAsync(long id, DeskUser user, double arrivalHours, CancellationToken ct) => RunAsync(id, user, async (db, t, site, now) =>
    {
        Require(user.IsStaff, "Only a dispatcher sets a deadline.");
        Require(arrivalHours is > 0 and <= 24 * 14, "Give the arrival time in hours, more than 0 and at most two weeks.");
        workflow.Sla.PlanByHand(db, t, now, arrivalHours);
        TicketWorkflowService.Audit(db, t, now, user.Name, "deadline set by hand", FormattableString.Invariant($"arrive within {arrivalHours:0.#} h of the report, by {DisplayZone.Local(t.ArrivalDueAt):yyyy-MM-dd HH:mm}"));
        if (t.Status == TicketStatus.Open && !t.FollowsRootCause)
        {
            await workflow.DispatchAsync(db, t, site, now, new HashSet<string>(), ct);
        }
    }, ct);

    /// <summary>Waiting for the customer (no access to the site, customer asked to come later): the SLA clocks stop.</summary>
    public Task<bool> PauseAsync(long id, DeskUser user, string reason, CancellationToken ct) => RunAsync(id, user, (db, t, _, now) =>
    {
        SlaTimerService.Pause(db, t, reason, now);
        TicketWorkflowService.Audit(db, t, now, user.Name, "clock paused", "waiting for the customer: " + Clip(reason.Trim(), 500));
        return Task.CompletedTask;
    }, ct);

    public Task<bool> ResumeAsync(long id, DeskUser user, CancellationToken ct) => RunAsync(id, user, async (db, t, _, now) =>
    {
        await SlaTimerService.LoadPausedAsync(db, t, ct);
        var pausedFor = workflow.Sla.Resume(db, t, now);
        TicketWorkflowService.Audit(db, t, now, user.Name, "clock resumed", FormattableString.Invariant($"paused for {pausedFor.TotalMinutes:0} min"));
    }, ct);

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private async Task<bool> RunAsync(long id, DeskUser user, Func<CloudDb, Ticket, Site, DateTimeOffset, Task> action, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, ct);
        var site = ticket is null ? null : await db.Sites.AsNoTracking().SingleAsync(s => s.Id == ticket.SiteId, ct);
        if (ticket is null || site is null || !MayAct(user, ticket, site))
        {
            return false;
        }

        await SlaTimerService.LoadPendingAsync(db, ticket.Id, ct);
        await action(db, ticket, site, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static bool MayAct(DeskUser user, Ticket ticket, Site site) =>
        site.TenantId == user.TenantId && (user.IsStaff || (user.Role == ApiKeyRoles.Technician && ticket.TechnicianId is not null && ticket.TechnicianId == user.TechnicianId));

    private static Task<bool> IsSignedAsync(CloudDb db, Ticket ticket, CancellationToken ct) =>
        db.JobSignatures.AnyAsync(s => s.TicketId == ticket.Id && s.Visit == ticket.Visit, ct);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new WorkflowRefusedException(message);
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
