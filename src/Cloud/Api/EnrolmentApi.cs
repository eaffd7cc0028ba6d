using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Sites;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Api;

/// <summary>
/// <c>POST /api/v1/enrol</c>: the one endpoint a gateway calls over HTTP. The token is the whole
/// authentication (it is one-time, expiring, and only its hash is stored), so the route is open.
/// </summary>
internal static class EnrolmentApi
{
    public static IEndpointRouteBuilder MapEnrolment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/enrol", async (EnrolRequest request, HttpContext http, GatewayEnrolmentStore store, IOptions<EnrolmentOptions> options, IOptions<BrokerOptions> broker, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Token))
            {
                return Results.Problem("Send the enrolment token as {\"token\": \"enr_…\"}.", statusCode: 400);
            }

            var outcome = await store.EnrolAsync(request.Token, ct);
            if (outcome.Refusal is { } refusal)
            {
                return Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden, title: "Enrolment refused");
            }

            var o = options.Value;
            var (port, useTls, caFile) = o.BrokerFor(broker.Value);
            var ca = caFile is null ? null : await File.ReadAllTextAsync(caFile, ct);
            return Results.Ok(new EnrolResponse(
                outcome.GatewayId!,
                outcome.Site!.Id,
                outcome.Site.Name,
                new EnrolBroker(o.BrokerHost is { Length: > 0 } host ? host : http.Request.Host.Host, port, useTls, outcome.GatewayId!, outcome.Secret!, ca)));
        }).AllowAnonymous();
        return app;
    }

    internal sealed record EnrolRequest(string? Token);

    internal sealed record EnrolResponse(string GatewayId, string SiteId, string SiteName, EnrolBroker Broker);

    internal sealed record EnrolBroker(string Host, int Port, bool UseTls, string Username, string Password, string? CaCertificatePem);
}
