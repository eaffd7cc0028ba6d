using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Timers;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Correlation;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Timers;
using AfterSales.Protocol.Faults;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>
/// Everything that moves a ticket: fault events, people and timers all pass the state machine
/// here, and every move leaves an audit line. Works inside the caller's unit of work.
/// </summary>
internal sealed partial class TicketWorkflowService(
    SlaTimerService sla,
    AutoDispatchService dispatcher,
    NotificationService notifier,
    IOptions<LifecycleOptions> lifecycle,
    IOptions<DispatchOptions> dispatch,
    IncidentCorrelationService correlator,
    ILogger<TicketWorkflowService> log)
{
    public SlaTimerService Sla => sla;

    /// <summary>Writes the audit line of a move the ticket made; a finished ticket has no timer left to fire.</summary>
    public static void Record(CloudDb db, Ticket ticket, StatusChange change, string actor, DateTimeOffset now, string? detail)
    {
        Audit(db, ticket, now, actor, TicketStateMachine.Describe(change.Command), detail, change.From, change.To);
        if (TicketStateMachine.IsFinished(change.To))
        {
            SlaTimerService.CancelAll(db, ticket.Id, now);
        }
    }

    public static void Audit(CloudDb db, Ticket ticket, DateTimeOffset now, string actor, string action, string? detail, TicketStatus? from = null, TicketStatus? to = null) =>
        db.TicketAudit.Add(new TicketAuditEntry { TicketId = ticket.Id, At = now, Actor = actor, Action = action, Detail = detail, From = from, To = to });

    /// <summary>A new ticket: deadlines, incident, then a technician unless it follows a root cause or needs a human.</summary>
    public async Task OnOpenedAsync(CloudDb db, Ticket ticket, Site site, ArrivalAssessment zone, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Audit(db, ticket, now, actor, "opened", $"{ticket.Fault} on {ticket.DeviceId} ({ticket.Severity.ToString().ToLowerInvariant()})", null, TicketStatus.Open);
        await StartVisitAsync(db, ticket, site, zone, actor, now, cancellationToken);
    }

    /// <summary>The same fault again within the repeat window after closing: the ticket reopens and counts a repeat.</summary>
    public async Task OnRepeatAsync(CloudDb db, Ticket ticket, Site site, ArrivalAssessment zone, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ReopenAsync(db, ticket, actor, now, $"the same fault came back (repeat {ticket.RepeatCount + 1})", cancellationToken);
        await StartVisitAsync(db, ticket, site, zone, actor, now, cancellationToken);
    }

    public async Task OnRaisedAgainAsync(CloudDb db, Ticket ticket, Site site, ArrivalAssessment zone, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await SlaTimerService.LoadPendingAsync(db, ticket.Id, cancellationToken);
        SlaTimerService.Cancel(db, ticket.Id, now, TimerKind.SelfRestore);
        if (ticket.Status == TicketStatus.Resolved)
        {
            // The work did not hold: the fault is back before the job was closed.
            await ReopenAsync(db, ticket, actor, now, "the fault came back after the work was resolved", cancellationToken);
            await StartVisitAsync(db, ticket, site, zone, actor, now, cancellationToken);
            return;
        }

        var raises = await db.Occurrences.Where(o => o.TicketId == ticket.Id && o.State == FaultState.Raised).Select(o => o.OccurredAt).ToListAsync(cancellationToken);
        raises.Add(now);
        if (!ticket.Intermittent && FaultHistoryRules.IsFlapping(raises, now, lifecycle.Value))
        {
            ticket.MarkIntermittent();
            Audit(db, ticket, now, Actor.System, "marked intermittent", $"{lifecycle.Value.FlapRaises} raises within {lifecycle.Value.FlapWindowMinutes:0} min");
        }
        else
        {
            Audit(db, ticket, now, actor, "fault raised again", null);
        }
    }

    public void OnCleared(CloudDb db, Ticket ticket, string actor, DateTimeOffset clearedAt, DateTimeOffset now)
    {
        Audit(db, ticket, now, actor, "fault cleared on site", null);
        if (FaultHistoryRules.CanSelfRestore(ticket.Status))
        {
            db.DeskTimers.Add(new DeskTimer
            {
                TicketId = ticket.Id,
                Kind = TimerKind.SelfRestore,
                Percent = 100,
                DueAt = FaultHistoryRules.SelfRestoreAt(clearedAt, lifecycle.Value),
            });
        }
    }

    /// <summary>Gives the job to the best technician, or escalates when nobody can make the deadline.</summary>
    public async Task DispatchAsync(CloudDb db, Ticket ticket, Site site, DateTimeOffset now, IReadOnlySet<string> exclude, CancellationToken cancellationToken)
    {
        var choice = await dispatcher.ChooseAsync(db, ticket, site, now, exclude, cancellationToken);
        if (choice.TechnicianId is { } technicianId)
        {
            await AssignAsync(db, ticket, site, technicianId, Actor.System, now, choice.Explanation, cancellationToken);
            return;
        }

        Audit(db, ticket, now, Actor.System, OnDutyRedispatchService.EscalatedAction, choice.Explanation);
        string Message(IStringLocalizer T) => T["Ticket {0} {1} at {2}: nobody can be dispatched — {3}. Assign by hand.", ticket.Id, T[ticket.Fault], site.Name, T[choice.Explanation]];
        // Gathered while waiting (docs/service-rules.md §7.5): a storm of escalations is a handful of messages.
        notifier.SendGatheredEscalation(db, Recipients.Supervisor, ticket.Id, Message);
        notifier.SendGatheredEscalation(db, Recipients.Dispatcher, ticket.Id, Message);
        LogEscalated(log, ticket.Id, choice.Explanation);
    }

    /// <summary>Dispatch to a named technician (the planner's choice or the dispatcher's hand).</summary>
    public async Task AssignAsync(CloudDb db, Ticket ticket, Site site, string technicianId, string actor, DateTimeOffset now, string detail, CancellationToken cancellationToken)
    {
        var technician = await db.Technicians.AsNoTracking().SingleOrDefaultAsync(t => t.Id == technicianId && t.TenantId == site.TenantId, cancellationToken)
            ?? throw new WorkflowRefusedException($"Technician '{technicianId}' is not one of this company's technicians.");
        await SlaTimerService.LoadPendingAsync(db, ticket.Id, cancellationToken);
        var previous = ticket.TechnicianId;
        Record(db, ticket, ticket.AssignTo(technician.Id, now), actor, now, $"to {technician.Name}: {detail}");
        dispatcher.Assigned(db, site.TenantId, ticket.Id, technician.Id);
        SlaTimerService.Cancel(db, ticket.Id, now, TimerKind.AcceptTimeout);
        await sla.PlanAcknowledgeAsync(db, ticket, site, now, cancellationToken);
        db.DeskTimers.Add(new DeskTimer
        {
            TicketId = ticket.Id,
            Kind = TimerKind.AcceptTimeout,
            Percent = 100,
            TechnicianId = technician.Id,
            DueAt = now + TimeSpan.FromMinutes(dispatch.Value.AcceptWithinMinutes),
        });
        notifier.Send(db, Recipients.Technician(technician.Id), NoticeKind.JobOffered, ticket.Id,
            T => T["New job {0}: {1} on {2} at {3}, {4}. Call {5}. Arrive by {6}.", ticket.Id, T[ticket.Fault], ticket.DeviceId, site.Name, site.Address ?? string.Empty, site.ContactPhone ?? string.Empty, DisplayZone.Local(ticket.ArrivalDueAt)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? string.Empty],
            $"/jobs/{ticket.Id}");
        if (previous is not null && previous != technician.Id)
        {
            notifier.Send(db, Recipients.Technician(previous), NoticeKind.General, ticket.Id, T => T["Job {0} was given to {1}; you are stood down.", ticket.Id, technician.Name]);
        }
    }

    /// <summary>
    /// A power or uplink ticket is finished: faults that followed it get their own handling —
    /// dispatched if still active; those already cleared self-restore on their own timer.
    /// </summary>
    public async Task ReleaseFollowersAsync(CloudDb db, Ticket root, Site site, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!CorrelationRules.IsRootCause(root.Fault) || root.IncidentId is not { } incident)
        {
            return;
        }

        var followers = await db.Tickets
            .Where(t => t.IncidentId == incident && t.FollowsRootCause && t.ClosedAt == null && t.Id != root.Id)
            .ToListAsync(cancellationToken);
        foreach (var follower in followers)
        {
            follower.ReleaseFromRootCause();
            var active = follower.RestoredAt is null;
            Audit(db, follower, now, Actor.System, "released from incident",
                $"{root.Fault} (ticket {root.Id}) is {TicketStateMachine.Describe(root.Status)}; this fault is {(active ? "still active" : "cleared")}");
            if (active && follower.Status == TicketStatus.Open && !follower.NeedsHuman)
            {
                await DispatchAsync(db, follower, site, now, new HashSet<string>(), cancellationToken);
            }
        }
    }

    private async Task ReopenAsync(CloudDb db, Ticket ticket, string actor, DateTimeOffset now, string why, CancellationToken cancellationToken)
    {
        await SlaTimerService.LoadPendingAsync(db, ticket.Id, cancellationToken);
        Record(db, ticket, ticket.Reopen(now), actor, now, why);
        SlaTimerService.CancelAll(db, ticket.Id, now);
        if (FaultHistoryRules.VisitEscalation(ticket.Visit, lifecycle.Value) is { } escalation)
        {
            // docs/service-rules.md §2.16: the supervisor hears of it before the visit is dispatched.
            Audit(db, ticket, now, Actor.System, "visit escalated", escalation);
            notifier.Send(db, Recipients.Supervisor, NoticeKind.Escalation, ticket.Id, T => T["Ticket {0} {1} on {2}: {3}.", ticket.Id, T[ticket.Fault], ticket.DeviceId, T[escalation]], $"/desk/{ticket.Id}");
        }
    }

    private async Task StartVisitAsync(CloudDb db, Ticket ticket, Site site, ArrivalAssessment zone, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var explanation = await sla.PlanOnOpenAsync(db, ticket, site, zone, now, cancellationToken);
        Audit(db, ticket, now, Actor.System, "deadlines set", explanation);
        var sameIncidentTechnician = await correlator.CorrelateAsync(db, ticket, now, cancellationToken);
        if (ticket.FollowsRootCause)
        {
            return;
        }

        if (ticket.NeedsHuman)
        {
            Audit(db, ticket, now, Actor.System, "needs a human", zone.Explanation);
            notifier.Send(db, Recipients.Dispatcher, NoticeKind.General, ticket.Id, T => T["Ticket {0} at {1} has no arrival deadline: {2}.", ticket.Id, site.Name, T[zone.Explanation]]);
            return;
        }

        if (sameIncidentTechnician is not null
            && await db.Technicians.AnyAsync(t => t.Id == sameIncidentTechnician && t.Active && t.Skills.Contains(Skills.For(ticket.DeviceKind)), cancellationToken))
        {
            await AssignAsync(db, ticket, site, sameIncidentTechnician, actor, now, $"joins incident {ticket.IncidentId}, already assigned", cancellationToken);
            return;
        }

        await DispatchAsync(db, ticket, site, now, new HashSet<string>(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId}: dispatch escalated to the supervisor: {Why}")]
    private static partial void LogEscalated(ILogger logger, long ticketId, string why);
}
