using AfterSales.Cloud.Parts;

namespace AfterSales.Cloud.Tests.Rules;

public class PartsLedgerTests
{
    private const string Psu = "PSU-12V-5A";
    private static readonly string Main = StockPlaces.Warehouse("main");
    private static readonly string Van = StockPlaces.Van("tech-li");

    [Fact]
    public void Ledger_ReceiveTransferIssueReturnScrap_BalancesEveryPlaceAndSumsToZero()
    {
        var ledger = new PartsBalanceCalculator([]);
        ledger.Record(Move(PartMoveKind.Receive, StockPlaces.Supplier, Main, 10));
        ledger.Record(Move(PartMoveKind.Transfer, Main, Van, 3));
        ledger.Record(Move(PartMoveKind.Issue, Van, StockPlaces.Job(42), 2, ticket: 42));
        ledger.Record(Move(PartMoveKind.ReturnOld, StockPlaces.OldFrom(42), StockPlaces.Returns("main"), 1, ticket: 42));

        Assert.Equal(7, ledger.Balance(Main, Psu));
        Assert.Equal(1, ledger.Balance(Van, Psu));
        Assert.Equal([(42L, Psu, 1)], ledger.OutstandingReturns());

        ledger.Record(Move(PartMoveKind.ReturnOld, StockPlaces.OldFrom(42), StockPlaces.Returns("main"), 1, ticket: 42));
        ledger.Record(Move(PartMoveKind.WriteOff, StockPlaces.Returns("main"), StockPlaces.Scrap, 2));

        Assert.Empty(ledger.OutstandingReturns());
        Assert.Equal(0, ledger.Balance(StockPlaces.Returns("main"), Psu));
        Assert.True(ledger.IsBalanced(out var total));
        Assert.Equal(0, total);
    }

    [Fact]
    public void Ledger_RefusesMovesThatBreakTheBooks()
    {
        var ledger = new PartsBalanceCalculator([Move(PartMoveKind.Receive, StockPlaces.Supplier, Main, 2)]);

        Assert.Contains("holds 2", ledger.Check(Move(PartMoveKind.Transfer, Main, Van, 3)), StringComparison.Ordinal);
        Assert.Contains("cannot go", ledger.Check(Move(PartMoveKind.Issue, Main, StockPlaces.Job(7), 1, ticket: 8)), StringComparison.Ordinal);
        Assert.Contains("still to be returned", ledger.Check(Move(PartMoveKind.ReturnOld, StockPlaces.OldFrom(7), StockPlaces.Returns("main"), 1, ticket: 7)), StringComparison.Ordinal);
        Assert.Contains("positive", ledger.Check(Move(PartMoveKind.Transfer, Main, Van, 0)), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ledger.Record(Move(PartMoveKind.Transfer, Main, Van, 5)));
        Assert.Single(ledger.Moves);
    }

    [Fact]
    public void Stocktake_ShowsOnlyDifferences_AndAnAdjustmentClearsThem()
    {
        var ledger = new PartsBalanceCalculator([Move(PartMoveKind.Receive, StockPlaces.Supplier, Main, 5)]);

        var differences = ledger.Reconcile(Main, new Dictionary<string, int> { [Psu] = 4, ["CAM-2MP"] = 0 });
        Assert.Equal([(Psu, 5, 4)], differences);

        ledger.Record(Move(PartMoveKind.Adjust, StockPlaces.Adjustments, Main, -1));
        Assert.Empty(ledger.Reconcile(Main, new Dictionary<string, int> { [Psu] = 4 }));
        Assert.True(ledger.IsBalanced(out _));
    }

    private static PartMove Move(PartMoveKind kind, string from, string to, int quantity, long? ticket = null) =>
        new() { Kind = kind, PartNumber = Psu, From = from, To = to, Quantity = quantity, TicketId = ticket };
}
