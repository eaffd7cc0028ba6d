using System.Globalization;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Tests.Unit;

public class ZoneMapTests
{
    private static readonly GeoPoint West = new(30.0, 104.0);
    private static readonly GeoPoint East = new(30.0, 104.5);

    /// <summary>A square ring road around a point, half-size in degrees.</summary>
    private static string Square(GeoPoint c, double half) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{c.Longitude - half}},{{c.Latitude - half}}],[{{c.Longitude + half}},{{c.Latitude - half}}],[{{c.Longitude + half}},{{c.Latitude + half}}],[{{c.Longitude - half}},{{c.Latitude + half}}],[{{c.Longitude - half}},{{c.Latitude - half}}]]]}""");

    private static ArrivalPolicy Policy(params ZoneArea[] zones) => new(SlaOptions.DefaultBands(), new ZoneMap(zones));

    private static (string, GeoPoint)[] Centres => [("west", West), ("east", East)];

    [Fact]
    public void Assess_SiteInsideDrawnRing_UsesThePolygonNotTheDistance()
    {
        // 12 km out would be ring-3 (4 h) by distance; the drawn ring road says ring-2.
        var site = new GeoPoint(30.0, 104.125);
        var policy = Policy(new ZoneArea { Zone = "ring-2", CentreId = "west", ArrivalHours = 3, GeoJson = Square(West, 0.15) });

        var result = policy.Assess(site, [("west", West)], null);

        Assert.Equal("ring-2", result.Zone);
        Assert.Equal(TimeSpan.FromHours(3), result.ArrivalWithin);
        Assert.Contains("drawn zone", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_SiteInZonesOfTwoCentres_BelongsToTheCentreWithTheBestZone()
    {
        var site = new GeoPoint(30.0, 104.3);
        var policy = Policy(
            new ZoneArea { Zone = "west-ring-3", CentreId = "west", ArrivalHours = 4, GeoJson = Square(West, 0.4) },
            new ZoneArea { Zone = "east-ring-2", CentreId = "east", ArrivalHours = 3, GeoJson = Square(East, 0.25) });

        var result = policy.Assess(site, Centres, null);

        Assert.Equal("east", result.CentreId);
        Assert.Equal("east-ring-2", result.Zone);
    }

    [Fact]
    public void Assess_OutsideEveryPolygon_FallsBackToDistanceBands()
    {
        var policy = Policy(new ZoneArea { Zone = "ring-1", CentreId = "west", ArrivalHours = 2, GeoJson = Square(West, 0.01) });

        var result = policy.Assess(new GeoPoint(30.05, 104.0), [("west", West)], null);

        Assert.Equal("ring-2", result.Zone);
    }

    [Fact]
    public void Assess_OutsideEverythingWithoutContract_FlaggedNeverGuessed()
    {
        var result = Policy().Assess(new GeoPoint(40.0, 116.0), Centres, contractArrivalHours: null);

        Assert.True(result.NeedsHuman);
        Assert.Null(result.ArrivalWithin);
    }

    [Fact]
    public void ZoneMap_Feature_IsAccepted()
    {
        var map = new ZoneMap([new ZoneArea { Zone = "z", CentreId = "west", GeoJson = $$"""{"type":"Feature","properties":{},"geometry":{{Square(West, 0.1)}}}""" }]);

        Assert.Single(map.Containing(West));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"type":"Point","coordinates":[104,30]}""")]
    public void ZoneMap_UnreadableOrNotAPolygon_StopsWithTheZoneName(string geoJson)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ZoneMap([new ZoneArea { Zone = "ring-9", CentreId = "west", GeoJson = geoJson }]));

        Assert.Contains("ring-9", ex.Message, StringComparison.Ordinal);
    }
}
