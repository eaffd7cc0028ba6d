using System.Reflection;
using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// Who may call what is written one way: every endpoint of the built app names a policy of
/// <see cref="AccessPolicies"/> (no inline roles, no bare "signed in"), and only the deliberately
/// open ones allow anonymous callers. <see cref="AccessTests"/> checks what the policies let through.
/// </summary>
public sealed class AccessPolicyTests : IAsyncLifetime
{
    /// <summary>
    /// Open to anyone on purpose: the landing redirect, sign-in and -out, health probes and the
    /// Prometheus scrape (docs/operations.md), the survey link a customer opens from a text message,
    /// the public half of the site-config signing key (docs/security.md), and gateway enrolment, whose
    /// one-time token is its authentication (docs/gateway.md, "Enrolment"), and the language switch (before sign-in too).
    /// </summary>
    private static readonly string[] Anonymous = ["/", "/signin", "/signout", "/healthz", "/healthz/live", "/healthz/ready", "/metrics", "/survey/{token}", "/n/{token}", "/culture", "/api/v1/config-signing-key", "/api/v1/enrol"];

    private static readonly string[] Policies = [.. typeof(AccessPolicies).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-policies-{Guid.NewGuid():N}.db");
    private WebApplication _app = null!;

    public Task InitializeAsync()
    {
        _app = CloudHost.Build([$"--Database:ConnectionString=Data Source={_dbFile};Pooling=False", "--Calendar:Enabled=false"]);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public void EveryEndpoint_NamesAnAccessPolicy_OrIsDeliberatelyOpen()
    {
        // The app's own data sources: every minimal API route and every Razor page, without starting the server.
        var endpoints = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!Anonymous.Contains(route, StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{route}: anonymous, but not one of the deliberately open routes");
                }

                continue;
            }

            if (authorize.Count == 0)
            {
                failures.Add($"{route}: no access policy");
            }

            failures.AddRange(authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => $"{route}: raw role list \"{a.Roles}\""));
            failures.AddRange(authorize.Where(a => a.Roles is null && !Policies.Contains(a.Policy)).Select(a => $"{route}: \"{a.Policy ?? "(default)"}\" is not a named policy of {nameof(AccessPolicies)}"));
            if (endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null)
            {
                failures.Add($"{route}: an inline policy (RequireAuthorization(p => …))");
            }
        }

        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} endpoints found");
        Assert.True(endpoints.Any(e => string.Equals(e.RoutePattern.RawText, "kpis", StringComparison.OrdinalIgnoreCase)), "the Razor pages are not among the endpoints");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    [Fact]
    public void EveryNamedPolicy_IsRegistered_AndNamesAreUnique()
    {
        var options = _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;

        Assert.Equal(Policies.Length, Policies.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Policies, p => Assert.NotNull(options.GetPolicy(p)));
    }
}
