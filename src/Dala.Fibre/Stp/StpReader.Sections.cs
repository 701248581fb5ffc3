using System.Collections.Immutable;
using System.Globalization;
using Dala.Fibre.Graphs;

namespace Dala.Fibre.Stp;

public sealed partial class StpReader
{
    private readonly List<StpField> _comment = [];
    private readonly List<int> _terminals = [];
    private readonly HashSet<int> _terminalSet = [];
    private readonly Dictionary<int, Coordinate> _coordinates = [];
    private GraphBuilder? _graph;
    private int _graphLine;
    private int? _root;
    private bool _terminalsSeen;

    private void ReadComment(int openedAt) =>
        ReadBody(openedAt, "Comment", tokens =>
            _comment.Add(new StpField(tokens[0], string.Join(' ', tokens.Skip(1)).Trim('"'))));

    private void ReadGraph(int openedAt)
    {
        if (_graph is not null) throw Error($"a second SECTION Graph (the first is at line {_graphLine})");
        _graphLine = openedAt;
        int? nodes = null;
        (int Count, int Line)? edges = null;
        ReadBody(openedAt, "Graph", tokens =>
        {
            if (Is(tokens[0], "Nodes")) nodes = Count(tokens, "Nodes");
            else if (Is(tokens[0], "Edges")) edges = (Count(tokens, "Edges"), _line);
            else if (Is(tokens[0], "Arcs") || Is(tokens[0], "A"))
                throw Error("directed arcs (Arcs/A) are not supported: this reader takes undirected Steiner problems (E lines)");
            else if (Is(tokens[0], "E")) AddEdge(tokens, nodes);
        });
        _graph ??= new GraphBuilder(nodes ?? throw Error($"SECTION Graph (line {openedAt}) has no Nodes line"), _costScale);
        if (edges is { } declared && declared.Count != _graph.EdgeCount)
            throw Error(declared.Line, $"Edges says {declared.Count} but the section has {_graph.EdgeCount} E lines");
    }

    private void AddEdge(string[] tokens, int? nodes)
    {
        if (nodes is not { } n) throw Error("an E line before the Nodes line");
        if (tokens.Length != 4) throw Error($"an E line needs 'E u v weight', not {tokens.Length - 1} values");
        _graph ??= new GraphBuilder(n, _costScale);
        var u = Node(tokens[1], n);
        var v = Node(tokens[2], n);
        _graph.AddEdge(u, v, Weight(tokens[3]));
    }

    private void ReadTerminals(int openedAt)
    {
        var n = _graph?.NodeCount ?? throw Error("SECTION Terminals before SECTION Graph");
        if (_terminalsSeen) throw Error("a second SECTION Terminals");
        _terminalsSeen = true;
        (int Count, int Line)? declared = null;
        ReadBody(openedAt, "Terminals", tokens =>
        {
            if (Is(tokens[0], "Terminals")) declared = (Count(tokens, "Terminals"), _line);
            else if (Is(tokens[0], "T")) AddTerminal(tokens, n);
            else if (Is(tokens[0], "Root")) _root = Node(Value(tokens, "Root"), n);
        });
        var rootExtra = _root is { } r && _terminalSet.Add(r);
        if (declared is { } d && d.Count != _terminals.Count && !(rootExtra && d.Count == _terminals.Count + 1))
            throw Error(d.Line, $"Terminals says {d.Count} but the section has {_terminals.Count} T lines");
        if (rootExtra) _terminals.Insert(0, _root!.Value);
    }

    private void AddTerminal(string[] tokens, int n)
    {
        var t = Node(Value(tokens, "T"), n);
        if (!_terminalSet.Add(t)) throw Error($"terminal {t + 1} is listed twice");
        _terminals.Add(t);
    }

    private void ReadCoordinates(int openedAt)
    {
        var n = _graph?.NodeCount ?? throw Error("SECTION Coordinates before SECTION Graph");
        ReadBody(openedAt, "Coordinates", tokens =>
        {
            if (!Is(tokens[0], "DD")) return;
            if (tokens.Length < 4) throw Error("a DD line needs 'DD node x y'");
            _coordinates[Node(tokens[1], n)] = new Coordinate(Real(tokens[2]), Real(tokens[3]));
        });
    }

    private StpInstance Finish()
    {
        if (_graph is null) throw Error("missing SECTION Graph");
        if (!_terminalsSeen) throw Error("missing SECTION Terminals");
        foreach (var (v, c) in _coordinates) _graph.SetCoordinate(v, c.X, c.Y);
        return new StpInstance(_graph.Build(), [.. _terminals], [.. _comment], _root);
    }

    private int Count(string[] tokens, string key) =>
        int.TryParse(Value(tokens, key), NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            ? c : throw Error($"{key} needs a non-negative whole number, not '{tokens[1]}'");

    private string Value(string[] tokens, string key) =>
        tokens.Length == 2 ? tokens[1] : throw Error($"'{key}' needs exactly one value");

    private int Node(string token, int n) =>
        int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v >= 1 && v <= n ? v - 1 : throw Error($"node {v} is out of range 1..{n}")
            : throw Error($"'{token}' is not a node number");

    private long Weight(string token)
    {
        var w = Real(token);
        if (w < 0) throw Error($"negative weight {token}");
        var scaled = w * _costScale;
        var rounded = Math.Round(scaled, MidpointRounding.AwayFromZero);
        if (rounded > GraphBuilder.MaxCost) throw Error($"weight {token} is too large (at most {GraphBuilder.MaxCost} cost units)");
        if (Math.Abs(scaled - rounded) > 1e-6 * Math.Max(1, Math.Abs(scaled)))
            throw Error($"weight {token} × cost scale {_costScale.ToString(CultureInfo.InvariantCulture)} is not a whole number of cost units");
        return (long)rounded;
    }

    private double Real(string token) =>
        double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x : throw Error($"'{token}' is not a number");
}
