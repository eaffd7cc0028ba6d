using System.Net;
using System.Net.Http.Json;
using AfterSales.Cloud.Tests.Reports;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>
/// docs/service-rules.md §5.1: each service company sets its own KPI targets on the admin page; the
/// dashboard and the reports use them at once, other companies keep theirs, and nonsense is refused.
/// </summary>
public sealed class KpiTargetsTests : IAsyncLifetime
{
    private DeskHost _host = null!;

    public async Task InitializeAsync() => _host = await DeskHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AdminSetsTargets_DashboardAndQuarterlyReportUseThem_OtherCompanyKeepsTheDefault()
    {
        using var admin = await _host.ClientAsync("admin");
        using var dispatcher = await _host.ClientAsync("dispatch");
        using var other = await _host.ClientAsync("other-dispatch");
        Assert.Contains("on time ≥ 90 %", await dispatcher.GetStringAsync(new Uri("/kpis", UriKind.Relative)), StringComparison.Ordinal);

        using var saved = await DeskHost.PostFormAsync(admin, "/admin/targets", Form(onTime: "95", satisfaction: "95", availability: "96", good: "99"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Saved", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var dashboard = await dispatcher.GetStringAsync(new Uri("/kpis", UriKind.Relative));
        Assert.Contains("on time ≥ 95 %", dashboard, StringComparison.Ordinal);
        Assert.Contains("satisfaction ≥ 95 %", dashboard, StringComparison.Ordinal);
        Assert.Contains("on time ≥ 90 %", await other.GetStringAsync(new Uri("/kpis", UriKind.Relative)), StringComparison.Ordinal);

        var pdf = await dispatcher.GetByteArrayAsync(new Uri("/api/v1/reports/quarterly?customer=Western%20Bank&quarter=2026-Q4", UriKind.Relative));
        var text = MonthlyReportDocumentTests.PdfText(pdf);
        Assert.Contains("target 95 %", text, StringComparison.Ordinal);

        var api = await admin.GetFromJsonAsync<TargetsView>(new Uri("/api/v1/admin/kpi-targets", UriKind.Relative));
        Assert.True(api!.Own);
        Assert.Equal(0.96, api.Targets.Availability, 6);
    }

    [Fact]
    public async Task Nonsense_RefusedWithTheReason_NothingChanges_AndOnlyAnAdminMaySet()
    {
        using var admin = await _host.ClientAsync("admin");

        using var tooHigh = await DeskHost.PostFormAsync(admin, "/admin/targets", Form(onTime: "120"));
        var page = await tooHigh.Content.ReadAsStringAsync();
        Assert.Contains("OnTimeRate must be between 0 % and 100 %", page, StringComparison.Ordinal);
        Assert.Contains("value=\"120\"", page, StringComparison.Ordinal); // the form keeps what was typed

        using var inverted = await DeskHost.PostFormAsync(admin, "/admin/targets", Form(availability: "99", good: "98"));
        Assert.Contains("must not be below the Availability target", await inverted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var words = await DeskHost.PostFormAsync(admin, "/admin/targets", Form(onTime: "ninety"));
        Assert.Contains("Not a number: OnTimeRate", await words.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await admin.GetFromJsonAsync<TargetsView>(new Uri("/api/v1/admin/kpi-targets", UriKind.Relative));
        Assert.False(api!.Own);

        using var dispatcher = await _host.ClientAsync("dispatch");
        using var refused = await dispatcher.PutAsJsonAsync(new Uri("/api/v1/admin/kpi-targets", UriKind.Relative), new { onTimeRate = 0.5 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Dictionary<string, string> Form(string onTime = "90", string satisfaction = "85", string availability = "99", string good = "99.9") => new()
    {
        ["OnTimeRate"] = onTime,
        ["Satisfaction"] = satisfaction,
        ["ComplaintRate"] = "3",
        ["RepeatRate"] = "3",
        ["InspectionCompletion"] = "100",
        ["Availability"] = availability,
        ["AvailabilityGood"] = good,
    };

    private sealed record TargetsView(TargetFigures Targets, bool Own);

    private sealed record TargetFigures(double OnTimeRate, double Availability);
}
