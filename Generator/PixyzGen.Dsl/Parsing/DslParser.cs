using System;
using System.Collections.Generic;
using System.Globalization;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Dsl.Lexing;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Parsing;

/// <summary>
/// Recursive-descent parser for the three kinds of DSL string. Total: any input returns a result. A syntax error is
/// reported at the offending token and parsing resumes after it: in a loss at the next term of the same
/// sum, in a factorization at the next factor, so one string reports each of its mistakes, up to
/// <see cref="MaxErrors"/>. A string with any error has no value.
/// </summary>
public sealed class DslParser
{
    /// <summary>Deeper nesting than this is reported, not recursed into, so no input can exhaust the stack.</summary>
    public const int MaxNesting = 100;

    private readonly string text;
    private readonly IReadOnlyList<Token> tokens;
    private readonly string syntaxErrorId;
    private int position;
    private int depth;

    /// <summary>More errors than this in one string are one mistake repeated: the rest of the string is not reported.</summary>
    public const int MaxErrors = 20;

    private readonly List<DslError> recovered = new();

    // How many of the recovered errors were repaired in place (the parse went on as if the user had written it right).
    private int repairs;

    // Sums nested inside parentheses or brackets: their recovery stops at a closer, which belongs to the enclosing term.
    private int nestedSums;

    private DslParser(string text, string syntaxErrorId)
    {
        this.text = text;
        this.syntaxErrorId = syntaxErrorId;
        tokens = Lexer.Tokenize(text);
    }

    /// <summary>Parses a signature such as <c>q(z|x)</c>.</summary>
    public static ParseResult<DistributionRef> ParseDistribution(string? text) =>
        Run(text, DiagnosticIds.DistributionSyntax, p => p.ParseWholeDistribution());

    /// <summary>Parses <c>p(x,z) = p(x|z) p(z)</c> or a lone signature.</summary>
    public static ParseResult<Factorization> ParseFactorization(string? text) =>
        Run(text, DiagnosticIds.DistributionSyntax, p => p.ParseWholeFactorization());

    /// <summary>Parses a loss formula such as <c>mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])</c>.</summary>
    public static ParseResult<LossNode> ParseLoss(string? text) =>
        Run(text, DiagnosticIds.LossSyntax, p => p.ParseWholeLoss());

    /// <summary>
    /// Longer strings are reported, not parsed: generated code grows with the string, and a build should not spend
    /// minutes on one attribute. Documented in docs/dsl.md.
    /// </summary>
    public const int MaxLength = 1_000_000;

    /// <summary>
    /// The most variables one distribution may name, conditioning ones included: a C# method takes at most 65,536
    /// parameters (a CLI limit; csc reports CS0231 past it), and the generated methods of a distribution take its
    /// conditioning variables and one more (the value of LogProb, the sample shape of Sample).
    /// </summary>
    public const int MaxVariables = 65_535;

    private static ParseResult<T> Run<T>(string? text, string errorId, Func<DslParser, T> parse)
        where T : class
    {
        if (text is null)
            return new ParseResult<T>(null, EquatableArray.Create(DslError.Create(errorId, default, "null", "expected a DSL string but the attribute's argument is null")));
        if (text.Length > MaxLength)
            return new ParseResult<T>(null, EquatableArray.Create(DslError.Create(errorId, new TextRange(0, 0), Abbreviate(text),
                $"the string is {text.Length.ToString(CultureInfo.InvariantCulture)} characters long; the limit is {MaxLength.ToString(CultureInfo.InvariantCulture)}")));
        var parser = new DslParser(text, errorId);
        try
        {
            var value = parse(parser);
            if (parser.recovered.Count == 0) return new ParseResult<T>(value, EquatableArray<DslError>.Empty);
            // Every error repaired: the value the user meant stays at hand (the errors are reported all the same).
            return new ParseResult<T>(null, parser.recovered.ToEquatableArray(), parser.recovered.Count == parser.repairs ? value : null);
        }
        catch (SyntaxError error)
        {
            parser.recovered.Add(error.Error);
            return new ParseResult<T>(null, parser.recovered.ToEquatableArray());
        }
    }

    private DistributionRef ParseWholeDistribution()
    {
        var dist = ParseDistributionRef();
        ExpectEnd("the end after the signature");
        return dist;
    }

    private Factorization ParseWholeFactorization()
    {
        var joint = ParseDistributionRef();
        var factors = new List<DistributionRef>();
        if (Current.Kind == TokenKind.Equals)
        {
            Advance();
            do
            {
                if (RecoverFactor() is { } factor) factors.Add(factor);
            }
            while (Current.Kind == TokenKind.Identifier);
        }
        ExpectEnd(factors.Count == 0 ? "'=' or the end after the joint" : "another factor such as p(z)");
        var end = factors.Count == 0 ? joint.Range : factors[factors.Count - 1].Range;
        return new Factorization(joint, factors.ToEquatableArray(), joint.Range.Cover(end));
    }

    private LossNode ParseWholeLoss()
    {
        if (Current.Kind == TokenKind.EndOfText) throw Error(Current, "the loss is empty");
        var loss = ParseSum();
        ExpectEnd("an operator (+ - * /) or the end");
        return loss;
    }

    // Sum := Term (("+" | "-") Term)*, one flat chain; a term with a syntax error is reported and skipped.
    private LossNode ParseSum() => ParseChain(RecoverTerm, TokenKind.Plus, BinaryOperator.Add, TokenKind.Minus, BinaryOperator.Subtract);

    /// <summary>A sum inside a term's parentheses or brackets: its recovery leaves the closer to the term.</summary>
    private LossNode ParseNestedSum()
    {
        nestedSums++;
        try
        {
            return ParseSum();
        }
        finally
        {
            nestedSums--;
        }
    }

    /// <summary>
    /// A term, or after a syntax error in it the error recorded and the tokens up to the next '+' or '-' of this sum
    /// skipped (a nested sum stops at its closer, which its term expects); the placeholder is never seen, since a string
    /// with errors has no value.
    /// </summary>
    private LossNode RecoverTerm()
    {
        var start = position;
        try
        {
            return ParseTerm();
        }
        catch (SyntaxError error) when (recovered.Count < MaxErrors - 1)
        {
            recovered.Add(error.Error);
            SkipToSumBoundary(start);
            return new NumberNode(0, error.Error.Range);
        }
    }

    private void SkipToSumBoundary(int start)
    {
        // The failed term may have opened parentheses or brackets before its error (KL( ... ): skip through their closers.
        var nesting = 0;
        for (var i = start; i < position; i++)
        {
            if (tokens[i].Kind is TokenKind.OpenParen or TokenKind.OpenBracket) nesting++;
            else if (tokens[i].Kind is TokenKind.CloseParen or TokenKind.CloseBracket && nesting > 0) nesting--;
        }
        while (Current.Kind != TokenKind.EndOfText)
        {
            var kind = Current.Kind;
            if (nesting == 0 && position > start && kind is TokenKind.Plus or TokenKind.Minus) return;
            if (kind is TokenKind.OpenParen or TokenKind.OpenBracket) nesting++;
            else if (kind is TokenKind.CloseParen or TokenKind.CloseBracket)
            {
                if (nesting == 0 && nestedSums > 0) return;   // the enclosing term's closer
                nesting = Math.Max(0, nesting - 1);
            }
            Advance();
        }
    }

    /// <summary>A factor, or after a syntax error in it the error recorded and the tokens up to the next factor skipped.</summary>
    private DistributionRef? RecoverFactor()
    {
        var start = position;
        try
        {
            return ParseDistributionRef();
        }
        catch (SyntaxError error) when (recovered.Count < MaxErrors - 1)
        {
            recovered.Add(error.Error);
            if (position == start) Advance();
            while (Current.Kind != TokenKind.EndOfText && !(Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.OpenParen)) Advance();
            return null;
        }
    }

    // Term := Factor (("*" | "/") Factor)*, one flat chain
    private LossNode ParseTerm() => ParseChain(ParseFactor, TokenKind.Star, BinaryOperator.Multiply, TokenKind.Slash, BinaryOperator.Divide);

    private LossNode ParseChain(Func<LossNode> operand, TokenKind first, BinaryOperator firstOperator, TokenKind second, BinaryOperator secondOperator)
    {
        var head = operand();
        if (Current.Kind != first && Current.Kind != second) return head;
        var links = new List<ChainLink>();
        var last = head;
        while (Current.Kind == first || Current.Kind == second)
        {
            var op = Advance().Kind == first ? firstOperator : secondOperator;
            last = operand();
            links.Add(new ChainLink(op, last));
        }
        return new ChainNode(head, links.ToEquatableArray(), head.Range.Cover(last.Range));
    }

    private LossNode ParseFactor()
    {
        if (++depth > MaxNesting) throw Error(Current, $"the formula nests deeper than {MaxNesting} levels");
        try
        {
            return ParseFactorCore();
        }
        finally
        {
            depth--;
        }
    }

    private LossNode ParseFactorCore()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Minus:
                Advance();
                var operand = ParseFactor();
                return new NegateNode(operand, token.Range.Cover(operand.Range));
            case TokenKind.Number:
                Advance();
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
                    throw Error(token, $"'{token.Text}' is not a finite number");
                return new NumberNode(value, token.Range);
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseNestedSum();
                var close = Expect(TokenKind.CloseParen, "')' to close '('");
                return Regroup(inner, token.Range.Cover(close.Range));
            case TokenKind.ExpectationPrefix:
                return ParseExpectation();
            case TokenKind.Identifier:
                return ParseWord();
            default:
                throw Error(token, $"expected a term (a number, a name, log, E_, KL, H, MMD, IWAE_k, mean or sum) but found {token.Describe()}");
        }
    }

    // Parentheses only group: the node keeps its own kind, its span grows to include them.
    private static LossNode Regroup(LossNode node, TextRange range) => node with { Range = range };

    private LossNode ParseWord()
    {
        var word = Current;
        var next = Peek(1).Kind;
        switch (word.Text)
        {
            case ReservedWords.Log:
                Advance();
                var logged = ParseDistributionRef();
                return new LogProbNode(logged, word.Range.Cover(logged.Range));
            case ReservedWords.Kl when next == TokenKind.OpenParen:
                Advance();
                Advance();
                var left = ParseDistributionRef();
                Expect(TokenKind.DoublePipe, "'||' between the two distributions of KL");
                var right = ParseDistributionRef();
                var klClose = Expect(TokenKind.CloseParen, "')' to close KL(");
                return new KlNode(left, right, word.Range.Cover(klClose.Range));
            case "ADV_JS" or "ADV_JS_D" or "ADV_W" or "ADV_W_D" when next == TokenKind.OpenBracket:
                return ParseAdversarial(word);
            case ReservedWords.Iterate when next == TokenKind.OpenParen:
                return ParseIterate(word);
            case ReservedWords.Mmd when next == TokenKind.OpenParen:
            case ReservedWords.MmdInverseMultiquadric when next == TokenKind.OpenParen:
                Advance();
                Advance();
                var mmdLeft = ParseDistributionRef();
                Expect(TokenKind.DoublePipe, $"'||' between the two distributions of {word.Text}");
                var mmdRight = ParseDistributionRef();
                var width = Current.Kind == TokenKind.Comma ? ParseKernelWidth(word.Text) : null;
                var mmdClose = Expect(TokenKind.CloseParen, $"')' to close {word.Text}(");
                return new MmdNode(mmdLeft, mmdRight, word.Range.Cover(mmdClose.Range), word.Text == ReservedWords.MmdInverseMultiquadric, width);
            case ReservedWords.Entropy when next == TokenKind.OpenBracket:
                Advance();
                Advance();
                var entropyOf = ParseDistributionRef();
                var hClose = Expect(TokenKind.CloseBracket, "']' to close H[");
                return new EntropyNode(entropyOf, word.Range.Cover(hClose.Range));
            case ReservedWords.Mean when next == TokenKind.OpenParen:
            case ReservedWords.Sum when next == TokenKind.OpenParen:
                Advance();
                Advance();
                var operand = ParseNestedSum();
                var reduceClose = Expect(TokenKind.CloseParen, $"')' to close {word.Text}(");
                var kind = word.Text == ReservedWords.Mean ? Reduction.Mean : Reduction.Sum;
                return new ReduceNode(kind, operand, word.Range.Cover(reduceClose.Range));
        }
        if (ReservedWords.IwaeCount(word.Text) is { } count && next == TokenKind.OpenParen) return ParseIwae(word, count);
        if (ReservedWords.IwaeCountParameter(word.Text) is { } countName && next == TokenKind.OpenParen)
        {
            // IWAE_k(...) with k a parameter of the method: the number of importance samples is given at each call.
            var suffix = new TextRange(word.Range.Start + word.Text.Length - countName.Length, countName.Length);
            return ParseIwae(word, 1, new HyperParameterNode(countName, suffix));
        }
        if (ReservedWords.IsDslWord(word.Text) || ReservedWords.IwaeCount(word.Text) is not null)
            throw Error(word, $"'{word.Text}' is a reserved word and must be followed by {Usage(word.Text)}");
        if (next == TokenKind.OpenParen && DslFormOfLossClass(word.Text) is { } form)
            throw Error(word, $"{word.Text} is a loss class of the dynamic API; in a formula write {form}");
        if (next == TokenKind.OpenParen && DslFunctions.Nearest(word.Text) is { } nearest)
            throw Error(word, $"the DSL has no function '{word.Text}'; did you mean {nearest}?");
        if (next == TokenKind.OpenParen && !IsVariableListAt(1))
            throw Error(word, $"the DSL has no function '{word.Text}'; its functions are {DslFunctions.Listing}");
        if (next == TokenKind.OpenParen)
            throw Error(word, $"a distribution cannot stand alone in a loss; did you mean log {word.Text}(...)?");
        Advance();
        return new HyperParameterNode(word.Text, word.Range);
    }

    // Whether the tokens from Peek(offset), an '(', read as a distribution's variables: names split by ',' and one
    // '|', then ')' (what follows a distribution's name), rather than a function's arguments such as (1, step / warmup).
    private bool IsVariableListAt(int offset)
    {
        var expectName = true;
        var bars = 0;
        for (var i = offset + 1; ; i++)
        {
            var kind = Peek(i).Kind;
            if (expectName)
            {
                if (kind != TokenKind.Identifier) return false;
                expectName = false;
                continue;
            }
            switch (kind)
            {
                case TokenKind.CloseParen: return true;
                case TokenKind.Comma: expectName = true; break;
                case TokenKind.Pipe when bars++ == 0: expectName = true; break;
                default: return false;
            }
        }
    }

    private static string Usage(string reserved) => reserved switch
    {
        ReservedWords.Log => "a distribution, as in log p(x|z)",
        ReservedWords.Kl => "'(', as in KL(q(z|x) || p(z))",
        ReservedWords.Mmd or ReservedWords.MmdInverseMultiquadric => $"'(', as in {reserved}(q(z|x) || p(z))",
        ReservedWords.Iterate => "'(', as in iterate(x | h = h_prev)[...]",
        "ADV_JS" or "ADV_JS_D" or "ADV_W" or "ADV_W_D" => $"'[', as in {reserved}[d(t|x)](p(x|z) || p(z))",
        ReservedWords.Entropy => "'[', as in H[q(z|x)]",
        ReservedWords.Expectation => "'_' and a distribution, as in E_q(z|x)[log p(x|z)]",
        _ when ReservedWords.IwaeCount(reserved) is not null => "'(', as in IWAE_5(p(x,z) || q(z|x))",
        _ => $"'(', as in {reserved}(...)",
    };

    /// <summary>
    /// <c>, sigma2 = 32</c> or <c>, sigma2 = s</c> after MMD's distributions: the kernel width, a positive number or a
    /// scalar parameter of the loss method (so it can change between calls).
    /// </summary>
    private LossNode ParseKernelWidth(string term)
    {
        Advance();   // ','
        var name = Expect(TokenKind.Identifier, $"the kernel width after ',' in {term}(...), as in sigma2 = 32");
        if (name.Text != ReservedWords.KernelWidth) throw Error(name, $"{term} takes one setting, {ReservedWords.KernelWidth} (the kernel width), as in {term}(q(z|x) || p(z), {ReservedWords.KernelWidth} = 32)");
        Expect(TokenKind.Equals, $"'=' after {ReservedWords.KernelWidth}");
        return ParseSettingValue(ReservedWords.KernelWidth, "the kernel width");
    }

    /// <summary>More draws than this in one expectation or bound is a typo, not a model.</summary>
    private const int MaxSamples = 100_000;

    private LossNode ParseExpectation()
    {
        var prefix = Advance();
        var dist = ParseDistributionRef(out var temperature);
        var samples = 1;
        HyperParameterNode? sampleCount = null;
        if (Current.Kind == TokenKind.Caret && Peek(1).Kind == TokenKind.Identifier && !ReservedWords.IsDslWord(Peek(1).Text))
        {
            // E_q(z|x)^k[...] with k a parameter of the method: the number of draws is given at each call.
            Advance();
            var name = Advance();
            sampleCount = new HyperParameterNode(name.Text, name.Range);
        }
        else if (Current.Kind == TokenKind.Caret)
        {
            // E_q(z|x)^k[...]: k draws, a whole number of at least one.
            Advance();
            var count = Expect(TokenKind.Number, $"the number of samples after E_{dist.Text}^ (a whole number, or an int parameter)");
            if (!int.TryParse(count.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out samples) || samples < 1 || samples > MaxSamples)
                throw Error(count, $"a whole number of samples between 1 and {MaxSamples}");
        }
        Expect(TokenKind.OpenBracket, $"'[' after E_{dist.Text}{(sampleCount is not null ? "^" + sampleCount.Name : samples > 1 ? "^" + samples : "")}");
        var body = ParseNestedSum();
        var close = Expect(TokenKind.CloseBracket, $"']' to close E_{dist.Text}[");
        return new ExpectationNode(dist, body, prefix.Range.Cover(close.Range), samples, sampleCount, temperature);
    }

    // "iterate" "(" VarList ("|" Ident "=" Ident ("," Ident "=" Ident)*)? ")" "[" Loss "]"
    private LossNode ParseIterate(Token word)
    {
        Advance();
        Advance();
        var series = ParseVariableList();
        var carries = new List<CarryRef>();
        if (Current.Kind == TokenKind.Pipe)
        {
            Advance();
            do
            {
                if (carries.Count > 0) Advance();
                var from = Expect(TokenKind.Identifier, "the drawn variable to carry, as in h = h_prev");
                Expect(TokenKind.Equals, $"'=' after '{from.Text}', as in {from.Text} = {from.Text}_prev");
                var to = Expect(TokenKind.Identifier, $"the loss parameter that receives '{from.Text}'");
                carries.Add(new CarryRef(new VariableRef(from.Text, from.Range), new VariableRef(to.Text, to.Range)));
            }
            while (Current.Kind == TokenKind.Comma);
        }
        Expect(TokenKind.CloseParen, "')' to close iterate(");
        Expect(TokenKind.OpenBracket, "'[' and the step's loss after iterate(...)");
        var step = ParseNestedSum();
        var close = Expect(TokenKind.CloseBracket, "']' to close the step of iterate(...)[");
        return new IterateNode(series.ToEquatableArray(), carries.ToEquatableArray(), step, word.Range.Cover(close.Range));
    }

    // ("ADV_JS" | "ADV_JS_D" | "ADV_W" | "ADV_W_D") "[" Dist "]" "(" Dist "||" Dist ")"
    private LossNode ParseAdversarial(Token word)
    {
        Advance();
        Advance();
        var discriminator = ParseDistributionRef();
        Expect(TokenKind.CloseBracket, $"']' after the discriminator of {word.Text}");
        Expect(TokenKind.OpenParen, $"'(' and the generator of {word.Text}, as in (p(x|z) || p(z))");
        var generator = ParseDistributionRef();
        Expect(TokenKind.DoublePipe, "'||' between the generator and its prior");
        var prior = ParseDistributionRef();
        var close = Expect(TokenKind.CloseParen, $"')' to close {word.Text}(");
        return new AdversarialNode(word.Text.StartsWith("ADV_W", System.StringComparison.Ordinal), word.Text.EndsWith("_D", System.StringComparison.Ordinal),
            discriminator, generator, prior, word.Range.Cover(close.Range));
    }

    // IWAE_k "(" Dist "||" Dist ")", k digits or a parameter's name
    private LossNode ParseIwae(Token word, int count, HyperParameterNode? countParameter = null)
    {
        if (count < 1 || count > MaxSamples) throw Error(word, $"the number of importance samples must be between 1 and {MaxSamples}, as in IWAE_5(...)");
        Advance();
        Advance();
        var joint = ParseDistributionRef();
        Expect(TokenKind.DoublePipe, $"'||' between the joint and the proposal of {word.Text}");
        var proposal = ParseDistributionRef();
        var close = Expect(TokenKind.CloseParen, $"')' to close {word.Text}(");
        return new IwaeNode(joint, proposal, count, word.Range.Cover(close.Range), countParameter);
    }

    // Dist := Name "(" VarList ("|" VarList)? ")"
    private DistributionRef ParseDistributionRef() => ParseDistributionRef(allowTemperature: false, out _);

    // E_'s Dist may end with ", temperature = tau" (a relaxed family's temperature for the call).
    private DistributionRef ParseDistributionRef(out LossNode? temperature) => ParseDistributionRef(allowTemperature: true, out temperature);

    private DistributionRef ParseDistributionRef(bool allowTemperature, out LossNode? temperature)
    {
        temperature = null;
        var name = RepairLatexSubscript(Expect(TokenKind.Identifier, "a distribution name such as p or q"));
        Expect(TokenKind.OpenParen, $"'(' after '{name.Text}'");
        var vars = ParseVariableList(allowTemperature);
        var condVars = new List<VariableRef>();
        if (Current.Kind == TokenKind.Pipe)
        {
            Advance();
            condVars = ParseVariableList(allowTemperature);
        }
        if (allowTemperature && Current.Kind == TokenKind.Comma)
        {
            Advance();
            Advance();   // "temperature", seen by ParseVariableList
            Expect(TokenKind.Equals, $"'=' after {ReservedWords.Temperature}");
            temperature = ParseSettingValue(ReservedWords.Temperature, "temperature");
        }
        var close = Expect(TokenKind.CloseParen, condVars.Count == 0 ? "',', '|' or ')'" : "',' or ')'");
        if (vars.Count + condVars.Count > MaxVariables)
            throw Error(name, $"{name.Text}(...) names {(vars.Count + condVars.Count).ToString("N0", CultureInfo.InvariantCulture)} variables; the limit is {MaxVariables.ToString("N0", CultureInfo.InvariantCulture)}, as a C# method takes at most 65,536 parameters");
        return new DistributionRef(name.Text, name.Range, vars.ToEquatableArray(), condVars.ToEquatableArray(), name.Range.Cover(close.Range));
    }

    private List<VariableRef> ParseVariableList(bool allowTemperature = false)
    {
        var list = new List<VariableRef>();
        do
        {
            if (list.Count > 0 && !allowTemperature && IsTemperatureSetting(1))
                throw Error(Peek(1), $"a {ReservedWords.Temperature} is set where the distribution is drawn, in an expectation: E_q(y|x, {ReservedWords.Temperature} = tau)[...]");
            if (list.Count > 0) Advance();
            var variable = RepairLatexSubscript(Expect(TokenKind.Identifier, "a variable name"));
            list.Add(new VariableRef(variable.Text, variable.Range));
        }
        while (Current.Kind == TokenKind.Comma && !(allowTemperature && IsTemperatureSetting(1)));
        return list;
    }

    private bool IsTemperatureSetting(int offset) => Peek(offset).Text == ReservedWords.Temperature && Peek(offset + 1).Kind == TokenKind.Equals;

    /// <summary>A setting's value: a positive, finite number, or a scalar parameter of the loss method (so it can change between calls).</summary>
    private LossNode ParseSettingValue(string setting, string what)
    {
        var value = Current;
        if (value.Kind == TokenKind.Identifier && !ReservedWords.IsDslWord(value.Text))
        {
            Advance();
            return new HyperParameterNode(value.Text, value.Range);
        }
        var number = Expect(TokenKind.Number, $"a positive number or a scalar parameter for {setting}");
        if (!double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !(parsed > 0) || double.IsInfinity(parsed))
            throw Error(number, $"{setting} ({what}) must be a positive, finite number");
        return new NumberNode(parsed, number.Range);
    }

    /// <summary>
    /// Pixyz writes names in LaTeX (<c>p_{prior}</c>); here names are C# identifiers, which the LaTeX output typesets the
    /// same way: say so at the brace instead of "expected '('". A simple subscript (<c>p_{prior}</c>, <c>x_{1}</c>) is
    /// repaired: the error is kept and the parse goes on with the identifier meant, so the rest of the build sees the
    /// declaration the user intended and the error is the only one.
    /// </summary>
    private Token RepairLatexSubscript(Token name)
    {
        if (!name.Text.EndsWith("_", StringComparison.Ordinal) || Current.Text != "{") return name;
        var simple = Peek(1).Kind is TokenKind.Identifier or TokenKind.Number && Peek(2).Text == "}";
        var inner = simple ? Peek(1).Text : "...";
        var identifier = name.Text + (simple ? inner : "prior");
        var error = Error(Current, $"names are C# identifiers: write {identifier}, not {name.Text}{{{inner}}} (LaTeX output typesets {identifier} as {name.Text}{{{(simple ? inner : "prior")}}})");
        if (!simple || recovered.Count >= MaxErrors - 1) throw error;
        recovered.Add(error.Error);
        repairs++;
        Advance();
        Advance();
        var close = Advance();
        return name with { Text = identifier, Range = name.Range.Cover(close.Range) };
    }

    /// <summary>
    /// The DSL form of a Pixyz loss class written as if it were a term (<c>ELBO(p || q)</c>), for the error that
    /// suggests it; null for other names.
    /// </summary>
    private static string? DslFormOfLossClass(string name) => name switch
    {
        "ELBO" => "E_q(z|x)[log p(x,z) - log q(z|x)]",
        "NLL" or "LogProb" => "log p(x|z) (NLL is -log p(x|z))",
        "KullbackLeibler" => "KL(q(z|x) || p(z))",
        "CrossEntropy" => "-E_p(z|x)[log q(z|x)]",
        "Entropy" => "H[q(z|x)]",
        "StochasticReconstructionLoss" => "-E_q(z|x)[log p(x|z)]",
        "IWAE" => "IWAE_k(p(x,z) || q(z|x)), with k the number of draws",
        "Expectation" => "E_q(z|x)[...]",
        "AdversarialJSDivergence" or "AdversarialWassersteinDistance" => "ADV_JS[d(t|x)](p(x|z) || p(z)) (ADV_W for Wasserstein; _D for the discriminator's side)",
        "IterativeLoss" => "iterate(x | h = h_prev)[...]",
        "BatchMean" or "Mean" => "mean(...)",
        "BatchSum" or "Sum" => "sum(...)",
        _ => null,
    };

    private Token Current => tokens[position];

    private Token Peek(int offset) => tokens[Math.Min(position + offset, tokens.Count - 1)];

    private Token Advance()
    {
        var token = Current;
        if (position < tokens.Count - 1) position++;
        return token;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw Error(Current, $"expected {what} but found {Current.Describe()}");
        return Advance();
    }

    private void ExpectEnd(string what)
    {
        if (Current.Kind != TokenKind.EndOfText) throw Error(Current, $"expected {what} but found {Current.Describe()}");
    }

    private SyntaxError Error(Token at, string message) =>
        new(DslError.Create(syntaxErrorId, at.Range, Abbreviate(text), message));

    // Messages quote the string; a long one is quoted by its start, so one diagnostic stays readable and small.
    private static string Abbreviate(string text)
    {
        if (text.Length <= 200) return text;
        var length = char.IsHighSurrogate(text[199]) ? 199 : 200;
        return text.Substring(0, length) + "...";
    }

    /// <summary>Unwinds the descent to <see cref="Run{T}"/>, which turns it into a value; never escapes the parser.</summary>
    private sealed class SyntaxError(DslError error) : Exception(error.Message)
    {
        public DslError Error { get; } = error;
    }
}
