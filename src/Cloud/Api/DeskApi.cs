using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Dispatch;
using AfterSales.Cloud.Jobs;
using AfterSales.Cloud.Jobs.JobSheet;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Api;

/// <summary>The job workflow for integrations and the technician app: every call passes the same checks as the pages.</summary>
internal static class DeskApi
{
    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        var field = app.MapGroup("/api/v1/tickets/{id:long}").RequireAuthorization(AccessPolicies.Field).WithTags("Jobs");
        field.MapPost("/accept", (long id, AcceptRequest? body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.AcceptAsync(id, User(http), body?.EtaMinutes, ct))).WithSummary("Accept the job (the customer has been called); etaMinutes: when you will be there, sent to the customer");
        field.MapPost("/depart", (long id, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.DepartAsync(id, User(http), ct)));
        field.MapPost("/arrive", (long id, ArriveRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.ArriveAsync(id, User(http), body.Latitude, body.Longitude, ct))).WithSummary("Check in on site, with the phone's location");
        field.MapPost("/notes", (long id, NoteRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.NoteAsync(id, User(http), body.Text, ct)));
        field.MapPost("/parts", (long id, PartRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.AddPartAsync(id, User(http), body.Part, body.Quantity, body.Reason, ct)));
        field.MapPost("/resolve", (long id, ResolveRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.ResolveAsync(id, User(http), body.Resolution, body.Tests, ct))).WithSummary("Work done; tests: every post-repair test of the device kind, passed");
        field.MapPost("/signature", (long id, SignRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.SignAsync(id, User(http), body.SignerName, SignatureImage.Decode(body.Png), ct))).WithSummary("The customer's signature (PNG, base64 or data URL); only after resolution");
        field.MapPost("/close", (long id, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.CloseAsync(id, User(http), ct)));
        field.MapGet("/jobsheet.pdf", async (long id, HttpContext http, JobSheetService sheets, CancellationToken ct) =>
            await sheets.BuildAsync(id, User(http), ct) is { } pdf
                ? Results.File(pdf, "application/pdf", $"job-{id}.pdf")
                : Results.NotFound()).WithSummary("The job sheet (服务凭证) as PDF");

        var staff = app.MapGroup("/api/v1").RequireAuthorization(AccessPolicies.Staff).WithTags("Dispatch");
        staff.MapPost("/tickets/{id:long}/assign", (long id, AssignRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.ReassignAsync(id, User(http), body.TechnicianId, ct))).WithSummary("Dispatch or reassign by hand");
        staff.MapPost("/tickets/{id:long}/deadline", (long id, DeadlineRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.SetArrivalAsync(id, User(http), body.ArrivalHours, ct))).WithSummary("Set the arrival deadline of a ticket no zone or contract covers");
        staff.MapPost("/tickets/{id:long}/pause", (long id, ReasonRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.PauseAsync(id, User(http), body.Reason, ct))).WithSummary("Stop the SLA clocks while waiting for the customer");
        staff.MapPost("/tickets/{id:long}/resume", (long id, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.ResumeAsync(id, User(http), ct)));
        staff.MapPost("/tickets/{id:long}/cancel", (long id, ReasonRequest body, HttpContext http, JobService jobs, CancellationToken ct) =>
            Run(() => jobs.CancelAsync(id, User(http), body.Reason, ct)));
        staff.MapGet("/technicians", async (HttpContext http, IDbContextFactory<CloudDb> dbs, CancellationToken ct) =>
        {
            var tenant = User(http).TenantId;
            await using var db = await dbs.CreateDbContextAsync(ct);
            return await db.Technicians.AsNoTracking().Where(t => t.TenantId == tenant).OrderBy(t => t.Name)
                .Select(t => new { t.Id, t.Name, t.Phone, t.Skills, t.Active, t.LastSeenAt }).ToListAsync(ct);
        });
        return app;
    }

    private static DeskUser User(HttpContext http) => DeskUser.From(http.User);

    private static async Task<IResult> Run(Func<Task<bool>> action)
    {
        try
        {
            return await action() ? Results.NoContent() : Results.NotFound();
        }
        catch (WorkflowRefusedException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed now");
        }
        catch (FormatException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad signature image");
        }
    }
}

internal sealed record AcceptRequest(int? EtaMinutes);

internal sealed record ArriveRequest(double? Latitude, double? Longitude);

internal sealed record NoteRequest(string Text);

internal sealed record PartRequest(string Part, int Quantity, string? Reason);

internal sealed record ResolveRequest(string Resolution, string[]? Tests);

internal sealed record SignRequest(string SignerName, string Png);

internal sealed record AssignRequest(string TechnicianId);

internal sealed record ReasonRequest(string Reason);

internal sealed record DeadlineRequest(double ArrivalHours);
