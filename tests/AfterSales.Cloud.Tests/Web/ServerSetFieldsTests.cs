using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Cloud.Parts;

namespace AfterSales.Cloud.Tests.Web;

/// <summary>What the server records itself, whatever the client sends (docs/security.md, "Server-set fields").</summary>
public sealed class ServerSetFieldsTests : IAsyncLifetime
{
    private DeskHost _host = null!;
    private HttpClient _dispatch = null!;
    private HttpClient _li = null!;

    public async Task InitializeAsync()
    {
        _host = await DeskHost.StartAsync();
        _dispatch = await _host.ClientAsync("dispatch");
        _li = await _host.ClientAsync("li");
    }

    public async Task DisposeAsync()
    {
        _dispatch.Dispose();
        _li.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PartsMove_RecordedByTheSignedInUser_AndOnlyMovesTheirRoleMay()
    {
        // The office receives stock; the client's "by" and "at" are ignored.
        using (var received = await _dispatch.PostAsJsonAsync("/api/v1/parts/moves", new { kind = (int)PartMoveKind.Receive, partNumber = "PSU", quantity = 4, from = "supplier", to = "warehouse:main", by = "the boss", at = "2001-01-01T00:00:00Z" }))
        {
            Assert.Equal(HttpStatusCode.OK, received.StatusCode);
            using var move = JsonDocument.Parse(await received.Content.ReadAsStringAsync());
            Assert.Equal("dispatch", move.RootElement.GetProperty("by").GetString());
            Assert.Equal("acme", move.RootElement.GetProperty("tenantId").GetString());
            Assert.True(move.RootElement.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        }

        // A technician takes stock into their own van, recorded as them.
        using (var own = await _li.PostAsJsonAsync("/api/v1/parts/moves", new { kind = (int)PartMoveKind.Transfer, partNumber = "PSU", quantity = 1, from = "warehouse:main", to = "van:li", by = "wang" }))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            using var move = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
            Assert.Equal("li", move.RootElement.GetProperty("by").GetString());
        }

        // …but not into a colleague's van, and never a receipt from the supplier.
        foreach (var refused in new object[]
        {
            new { kind = (int)PartMoveKind.Transfer, partNumber = "PSU", quantity = 1, from = "warehouse:main", to = "van:wang" },
            new { kind = (int)PartMoveKind.Receive, partNumber = "PSU", quantity = 9, from = "supplier", to = "warehouse:main" },
            new { kind = (int)PartMoveKind.Adjust, partNumber = "PSU", quantity = 9, from = "adjustments", to = "van:li" },
        })
        {
            using var response = await _li.PostAsJsonAsync("/api/v1/parts/moves", refused);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("for the office", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var stock = JsonDocument.Parse(await _dispatch.GetStringAsync(new Uri("/api/v1/parts/stock", UriKind.Relative)));
        var places = stock.RootElement.GetProperty("stock").EnumerateArray().ToDictionary(s => s.GetProperty("place").GetString()!, s => s.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["van:li"] = 1, ["warehouse:main"] = 3 }, places);
    }

    [Fact]
    public async Task Contract_IdAndExpiryNoticeMark_AreNotTheClients()
    {
        using var created = await _dispatch.PostAsJsonAsync("/api/v1/contracts", new { id = 4242, number = "MC-9", siteId = "site-a", startsOn = "2020-01-01", endsOn = "2099-12-31", expiryNoticeSentAt = "2020-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var contract = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.NotEqual(4242, contract.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, contract.RootElement.GetProperty("expiryNoticeSentAt").ValueKind);
    }
}
