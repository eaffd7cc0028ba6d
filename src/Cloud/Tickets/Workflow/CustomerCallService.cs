using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Calls;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>
/// Turns a customer's call into a ticket through the same desk as a gateway's fault (one open
/// ticket per site, device and fault; the same SLA engine and dispatch), the clock starting at the
/// call, and keeps the call with the ticket (docs/service-rules.md §2.15).
/// </summary>
internal sealed partial class CustomerCallService(IDbContextFactory<CloudDb> dbs, TicketDeskService desk, TimeProvider time, ILogger<CustomerCallService> log)
{
    /// <summary>The ticket the call opened or joined.</summary>
    /// <exception cref="CallRefusedException">The form is incomplete or names a site or device the user may not use; nothing is stored.</exception>
    public async Task<long> RecordAsync(CustomerCallForm form, DeskUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(user);
        var problems = CustomerCallRules.Problems(form);
        if (problems.Count > 0)
        {
            throw new CallRefusedException(problems);
        }

        var now = time.GetUtcNow();
        var calledAt = CustomerCallRules.CalledAt(form, user, now);
        string deviceId;
        DeviceKind kind;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.SiteId && s.TenantId == user.TenantId, cancellationToken);
            if (site is null || !CustomerCallRules.MayReportFor(user, site))
            {
                throw new CallRefusedException([$"No site '{form.SiteId}' in your company."]);
            }

            if (!string.IsNullOrWhiteSpace(form.DeviceId))
            {
                var device = await db.Set<InventoryDevice>().AsNoTracking().SingleOrDefaultAsync(d => d.SiteId == site.Id && d.DeviceId == form.DeviceId, cancellationToken)
                    ?? throw new CallRefusedException([$"Site {site.Name} has no device '{form.DeviceId}'."]);
                (deviceId, kind) = (device.DeviceId, device.Kind);
            }
            else
            {
                kind = form.DeviceKind!.Value;
                deviceId = CustomerCallRules.UnnamedDevice(kind);
            }
        }

        await desk.ApplyAsync(
            new FaultEvent
            {
                Schema = FaultEvent.SchemaV1,
                EventId = Guid.CreateVersion7(now),
                SiteId = form.SiteId!,
                GatewayId = "call",
                Seq = 0,
                DeviceId = deviceId,
                DeviceKind = kind,
                Fault = CloudFaults.CustomerReport,
                State = FaultState.Raised,
                Severity = form.Severity,
                OccurredAt = calledAt,
            },
            cancellationToken);

        await using var write = await dbs.CreateDbContextAsync(cancellationToken);
        var ticket = await write.Tickets.Where(t => t.SiteId == form.SiteId && t.DeviceId == deviceId && t.Fault == CloudFaults.CustomerReport && t.ClosedAt == null)
            .SingleAsync(cancellationToken);
        write.CustomerCalls.Add(new CustomerCall
        {
            TicketId = ticket.Id,
            SiteId = ticket.SiteId,
            DeviceId = deviceId,
            Symptom = form.Symptom!.Trim(),
            CallerName = form.CallerName!.Trim(),
            CallbackPhone = form.CallbackPhone!.Trim(),
            Severity = form.Severity,
            CalledAt = calledAt,
            RecordedAt = now,
            RecordedBy = user.Name,
        });
        TicketWorkflowService.Audit(write, ticket, now, user.Name, "customer call", $"{form.CallerName!.Trim()} ({form.CallbackPhone!.Trim()}) at {calledAt:HH:mm} UTC: {form.Symptom!.Trim()}");
        await write.SaveChangesAsync(cancellationToken);
        LogRecorded(log, ticket.Id, ticket.SiteId, deviceId, user.Name);
        return ticket.Id;
    }

    /// <summary>The calls behind a ticket, oldest first.</summary>
    public async Task<List<CustomerCall>> ForTicketAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.CustomerCalls.AsNoTracking().Where(c => c.TicketId == ticketId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer call recorded on ticket {TicketId} ({SiteId}/{DeviceId}) by {User}")]
    private static partial void LogRecorded(ILogger logger, long ticketId, string siteId, string deviceId, string user);
}
