using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Tests.Unit;

public class ArrivalPolicyTests
{
    private static readonly GeoPoint Centre = new(31.0, 121.0);
    private static readonly ArrivalPolicy Policy = new(SlaOptions.DefaultBands());

    // One degree of latitude is ~111.2 km, so north of the centre by km/111.2 degrees.
    private static GeoPoint North(double km) => new(Centre.Latitude + (km / 111.195), Centre.Longitude);

    private static (string Id, GeoPoint Location)[] OneCentre => [("c1", Centre)];

    [Theory]
    [InlineData(3, "ring-1", 2)]
    [InlineData(8, "ring-2", 3)]
    [InlineData(15, "ring-3", 4)]
    [InlineData(60, "neighbouring", 6)]
    public void Assess_SiteInsideBand_GivesBandZoneAndHours(double km, string zone, double hours)
    {
        var a = Policy.Assess(North(km), OneCentre, contractArrivalHours: null);

        Assert.Equal(zone, a.Zone);
        Assert.Equal(TimeSpan.FromHours(hours), a.ArrivalWithin);
        Assert.False(a.NeedsHuman);
        Assert.Equal("c1", a.CentreId);
        Assert.Equal(km, a.DistanceKm!.Value, 0.2);
    }

    [Fact]
    public void Assess_BeyondEveryBandWithContractHours_UsesContractZone()
    {
        var a = Policy.Assess(North(250), OneCentre, contractArrivalHours: 12);

        Assert.Equal(SlaOptions.ContractZone, a.Zone);
        Assert.Equal(TimeSpan.FromHours(12), a.ArrivalWithin);
        Assert.False(a.NeedsHuman);
    }

    [Fact]
    public void Assess_BeyondEveryBandWithoutContract_NeedsHumanAndNoDeadline()
    {
        var a = Policy.Assess(North(250), OneCentre, contractArrivalHours: null);

        Assert.True(a.NeedsHuman);
        Assert.Null(a.ArrivalWithin);
        Assert.Equal(SlaOptions.UnzonedZone, a.Zone);
    }

    [Fact]
    public void Assess_TwoCentres_CentreGivingBestZoneWins()
    {
        var site = North(30);
        (string, GeoPoint)[] centres = [("far", Centre), ("near", new GeoPoint(site.Latitude + (4 / 111.195), site.Longitude))];

        var a = Policy.Assess(site, centres, contractArrivalHours: null);

        Assert.Equal("near", a.CentreId);
        Assert.Equal("ring-1", a.Zone);
        Assert.Equal(TimeSpan.FromHours(2), a.ArrivalWithin);
    }

    [Fact]
    public void Assess_NoCentres_FlaggedForHuman()
    {
        var a = Policy.Assess(Centre, [], contractArrivalHours: null);

        Assert.True(a.NeedsHuman);
        Assert.Null(a.CentreId);
        Assert.Null(a.ArrivalWithin);
    }

    [Fact]
    public void DistanceKmTo_OneDegreeOfLatitude_IsAbout111Km()
    {
        var d = new GeoPoint(0, 0).DistanceKmTo(new GeoPoint(1, 0));

        Assert.Equal(111.2, d, 0.1);
    }

    [Fact]
    public void DistanceKmTo_SamePoint_IsZero() =>
        Assert.Equal(0, Centre.DistanceKmTo(Centre), 6);
}
