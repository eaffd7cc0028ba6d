namespace AfterSales.Cloud.Parts;

/// <summary>
/// The parts books as pure rules (docs/service-rules.md §2.12: 规格清、数量清、质量清): which moves are allowed,
/// balances per place, old parts still owed back per job, and a stocktake against the books.
/// </summary>
public sealed class PartsBalanceCalculator(IEnumerable<PartMove> moves)
{
    private readonly List<PartMove> _moves = [.. moves];

    public IReadOnlyList<PartMove> Moves => _moves;

    public int Balance(string place, string partNumber) =>
        _moves.Where(m => m.PartNumber == partNumber && m.To == place).Sum(m => m.Quantity)
        - _moves.Where(m => m.PartNumber == partNumber && m.From == place).Sum(m => m.Quantity);

    /// <summary>Every place's balance of every part, non-zero only.</summary>
    public IReadOnlyDictionary<(string Place, string Part), int> Balances() =>
        _moves.SelectMany(m => new[] { (m.To, m.PartNumber, m.Quantity), (m.From, m.PartNumber, -m.Quantity) })
            .GroupBy(x => (x.Item1, x.PartNumber))
            .Select(g => (g.Key, Sum: g.Sum(x => x.Item3)))
            .Where(x => x.Sum != 0)
            .ToDictionary(x => x.Key, x => x.Sum);

    /// <summary>Null when the move is allowed; otherwise why not.</summary>
    public string? Check(PartMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        if (move.Quantity <= 0 && move.Kind != PartMoveKind.Adjust)
        {
            return "The quantity must be positive.";
        }

        if (move.From == move.To)
        {
            return "A move needs two different places.";
        }

        var shape = move.Kind switch
        {
            PartMoveKind.Receive => move.From == StockPlaces.Supplier && move.To.StartsWith("warehouse:", StringComparison.Ordinal),
            PartMoveKind.Transfer => StockPlaces.IsStock(move.From) && StockPlaces.IsStock(move.To),
            PartMoveKind.Issue => StockPlaces.IsStock(move.From) && move.TicketId is { } t && move.To == StockPlaces.Job(t),
            PartMoveKind.ReturnOld => move.TicketId is { } r && move.From == StockPlaces.OldFrom(r) && StockPlaces.IsReturns(move.To),
            PartMoveKind.WriteOff => StockPlaces.IsReturns(move.From) && move.To == StockPlaces.Scrap,
            PartMoveKind.Adjust => move.From == StockPlaces.Adjustments && StockPlaces.IsStock(move.To),
            _ => false,
        };
        if (!shape)
        {
            return $"A {move.Kind} move cannot go from '{move.From}' to '{move.To}'.";
        }

        if (move.Kind == PartMoveKind.ReturnOld && move.TicketId is { } ticket && move.Quantity > OldPartsOwed(ticket, move.PartNumber))
        {
            return $"Job {ticket} was issued no {move.PartNumber} that is still to be returned.";
        }

        var held = Balance(move.From, move.PartNumber);
        if ((StockPlaces.IsStock(move.From) || StockPlaces.IsReturns(move.From)) && held < move.Quantity)
        {
            return $"'{move.From}' holds {held} of {move.PartNumber}, fewer than {move.Quantity}.";
        }

        if (move.Kind == PartMoveKind.Adjust && Balance(move.To, move.PartNumber) + move.Quantity < 0)
        {
            return $"The adjustment would leave '{move.To}' below zero.";
        }

        return null;
    }

    /// <summary>Records the move after <see cref="Check"/>; throws with the reason when it is refused.</summary>
    public void Record(PartMove move)
    {
        var problem = Check(move);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        _moves.Add(move);
    }

    /// <summary>New parts fitted on a job minus old parts handed back from it.</summary>
    public int OldPartsOwed(long ticketId, string partNumber) =>
        Balance(StockPlaces.Job(ticketId), partNumber) + Balance(StockPlaces.OldFrom(ticketId), partNumber);

    /// <summary>Jobs whose old parts are not all back yet, with the count owed per part.</summary>
    public IReadOnlyList<(long TicketId, string Part, int Owed)> OutstandingReturns() =>
        [.. _moves.Where(m => m.Kind == PartMoveKind.Issue && m.TicketId is not null)
            .Select(m => (TicketId: m.TicketId!.Value, m.PartNumber)).Distinct()
            .Select(x => (x.TicketId, x.PartNumber, Owed: OldPartsOwed(x.TicketId, x.PartNumber)))
            .Where(x => x.Owed > 0)];

    /// <summary>A stocktake: counted on the shelf against the books; only the differences.</summary>
    public IReadOnlyList<(string Part, int Books, int Counted)> Reconcile(string place, IReadOnlyDictionary<string, int> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var parts = _moves.Where(m => m.From == place || m.To == place).Select(m => m.PartNumber).Concat(counted.Keys).Distinct();
        return [.. parts.Select(p => (Part: p, Books: Balance(place, p), Counted: counted.GetValueOrDefault(p)))
            .Where(x => x.Books != x.Counted).OrderBy(x => x.Part, StringComparer.Ordinal)];
    }

    /// <summary>Double entry: the sum of every balance is zero, whatever was recorded.</summary>
    public bool IsBalanced(out int total)
    {
        total = Balances().Values.Sum();
        return total == 0;
    }
}
