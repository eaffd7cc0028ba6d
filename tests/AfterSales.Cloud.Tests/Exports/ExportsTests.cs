using System.Net;
using System.Text;
using AfterSales.Cloud.Feedback;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tests.Web;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace AfterSales.Cloud.Tests.Exports;

/// <summary>
/// Exports a service manager opens in Excel: CSV in UTF-8 with a byte-order mark and XLSX, Chinese
/// headers and names, local times, and only the signed-in company's data (docs/exports.md).
/// </summary>
public sealed class ExportsTests : IAsyncLifetime
{
    // 1 December 2026, 07:30 in Beijing (23:30 UTC the day before).
    private static readonly DateTimeOffset FaultAt = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(FaultAt.AddHours(2));
    private DeskHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync(new DeskHostSettings
        {
            Time = _time,
            Extra = ["Localization:DefaultCulture=zh-CN", "Seed:Sites:0:Name=锦里珠宝店", "Seed:Sites:0:Customer=锦里珠宝", "Seed:Sites:2:Name=别家公司的站点"],
        });
        var dbs = _host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        await using var db = await dbs.CreateDbContextAsync();
        db.Tickets.Add(TicketMaker.Open(TicketMaker.Raised("site-a", "panel", DeviceKind.Panel, "panel.ac_loss", FaultAt)));
        db.Tickets.Add(TicketMaker.Open(TicketMaker.Raised("site-b", "panel", DeviceKind.Panel, "panel.tamper", FaultAt)));
        await db.SaveChangesAsync();
        var complaints = _host.App.Services.GetRequiredService<ComplaintService>();
        await complaints.RegisterAsync("acme", new("site-a", "技术员迟到一小时", ComplaintCause.LateArrival, ServiceAtFault: true), default);
        await complaints.RegisterAsync("other", new("site-b", "other company's complaint", ComplaintCause.Other, ServiceAtFault: false), default);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TicketsCsv_ChineseHeadersNamesAndLocalTime_WithBomAndOnlyOwnCompany()
    {
        using var http = await _host.ClientAsync("dispatch");

        using var response = await http.GetAsync(new Uri("/api/v1/exports/tickets.csv?from=2026-12-01&to=2026-12-31", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("工单号,站点,站点名称,客户,设备,故障,级别,状态,区域,技术员,报修时间,到场截止", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",site-a,锦里珠宝店,锦里珠宝,panel,panel.ac_loss,重要,", row, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 07:30", row, StringComparison.Ordinal);
        Assert.DoesNotContain("别家公司", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketsCsv_NovemberInBeijing_DoesNotHoldTheFaultOfThe1stAt0730()
    {
        using var http = await _host.ClientAsync("dispatch");

        var csv = await http.GetStringAsync(new Uri("/api/v1/exports/tickets.csv?from=2026-11-01&to=2026-11-30", UriKind.Relative));

        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header only
    }

    [Fact]
    public async Task ComplaintsXlsx_OpensWithColumnsAndChineseText()
    {
        using var http = await _host.ClientAsync("dispatch");

        using var response = await http.GetAsync(new Uri("/api/v1/exports/complaints.xlsx?from=2026-12-01&to=2026-12-31", UriKind.Relative));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["编号", "站点名称", "客户", "受理时间", "原因", "内容", "服务方责任", "重大", "答复截止", "答复时间", "修复截止", "修复时间", "整改措施"], MiniExcel.GetColumns(stream, useHeaderRow: true));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var complaint = Assert.Single(rows);
        Assert.Equal("2612-001", complaint["编号"]);
        Assert.Equal("技术员迟到一小时", complaint["内容"]);
        Assert.Equal("到场迟到", complaint["原因"]);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 30, 0), complaint["受理时间"]);
    }

    [Fact]
    public async Task KpisAndPartsAndRevisits_Export_InBothFormats()
    {
        using var http = await _host.ClientAsync("dispatch");

        foreach (var path in new[] { "kpis.csv?month=2026-12", "kpis.xlsx?month=2026-12", "parts.csv", "parts.xlsx", "revisits.csv", "revisits.xlsx" })
        {
            using var response = await http.GetAsync(new Uri("/api/v1/exports/" + path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        var kpis = await http.GetStringAsync(new Uri("/api/v1/exports/kpis.csv?month=2026-12", UriKind.Relative));
        Assert.StartsWith("分组,工单,按时率", kpis, StringComparison.Ordinal);
        Assert.DoesNotContain("site-b", kpis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_BadParameters_AreRefusedWithWhatIsExpected()
    {
        using var http = await _host.ClientAsync("dispatch");

        using var badDate = await http.GetAsync(new Uri("/api/v1/exports/tickets.csv?from=1.12.2026", UriKind.Relative));
        using var badType = await http.GetAsync(new Uri("/api/v1/exports/tickets.pdf", UriKind.Relative));
        using var technician = await (await _host.ClientAsync("li")).GetAsync(new Uri("/api/v1/exports/tickets.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("2026-11-01", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, technician.StatusCode);
    }
}
