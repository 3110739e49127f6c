//! The one list of opcodes.
//!
//! Everything else — the [`Opcode`] enum, the CPython-spelled names, the argument flag,
//! stack effects, jump kinds, predicted successors, the VM's handler tables and `match`
//! loops, `dis`, the DXP labels — is generated from [`for_each_opcode!`]. To add an
//! opcode, add a row here and a handler named in the row; nothing else lists opcodes.
//!
//! Row shape:
//!
//! ```text
//! /// (stack before -- stack after)  one-line semantics
//! CODE => Variant handler "NAME", stack: |arg| (pop, push), jump: |arg| (pop, push),
//!         flags: [..], predicts: [..], form: inline|split, family: Generic;
//! ```
//!
//! * `stack` is the effect when execution falls through to the next instruction.
//! * `jump` is the effect when a `JUMP` instruction takes its branch ([`NOJUMP`] for
//!   the others). Every jump argument is an **absolute** code-unit index, as in
//!   CPython 3.10's `JUMP_ABSOLUTE`; `dis` shows it as a byte offset (`to 2*arg`).
//! * `flags`: `ARG` the argument is meaningful; `JUMP` the argument is a jump target;
//!   `CONST`/`NAME`/`LOCAL`/`FREE` the argument indexes `co_consts` / `co_names` /
//!   `co_varnames` / cells-then-frees; `CMP` it is a comparison operator; `TERM` control
//!   never falls through (return, raise, unconditional jump).
//! * `predicts`: the opcodes the handler peeks for (CPython ≤3.10's `PREDICT`); the
//!   compiler keeps these pairs adjacent where it can.
//! * `form`: how the tail engine runs the handler (`interp/tail.rs`): `inline` when
//!   its body has no escaping local on the way to the dispatch (or leaves at a
//!   `slow_path!` mark before the first one), `split` otherwise.
//! * `family`: the generic opcode of a specialised or adaptive row (quickening,
//!   `vm/src/interp/specialize.rs`); a generic row names itself. The compiler emits
//!   only generic opcodes; `co_code` and `dis` show a specialised unit as its family.
//!
//! Exceptions use a 3.11-style exception table (see `bytecode/mod.rs`): on an
//! exception, the VM pops the value stack down to the handler's depth, pushes the
//! exception and jumps to the handler. Handler code then runs `PUSH_EXC_INFO` (which
//! saves the previously handled exception under the new one) and ends with
//! `POP_EXCEPT` (which restores it) or `RERAISE`.

/// The `jump` column of a row that never jumps.
pub const NOJUMP: fn(u32) -> (u32, u32) = |_| (0, 0);

/// Calls `$m!` with every row of the opcode table.
#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => { $m! {
        /// (--)  does nothing
        9   => Nop               nop                  "NOP",                  stack: |_| (0, 0), jump: NOJUMP, flags: [], predicts: [], form: inline, family: Nop;
        /// (value --)  discard TOS
        1   => PopTop            pop_top              "POP_TOP",              stack: |_| (1, 0), jump: NOJUMP, flags: [], predicts: [], form: inline, family: PopTop;
        /// (value -- value)  +value
        10  => UnaryPositive     unary_positive       "UNARY_POSITIVE",       stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: UnaryPositive;
        /// (value -- res)  -value
        11  => UnaryNegative     unary_negative       "UNARY_NEGATIVE",       stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: UnaryNegative;
        /// (value -- res)  not value
        12  => UnaryNot          unary_not            "UNARY_NOT",            stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: UnaryNot;
        /// (value -- res)  ~value
        15  => UnaryInvert       unary_invert         "UNARY_INVERT",         stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: UnaryInvert;
        /// (left, right -- res)  left @ right
        16  => BinaryMatrixMultiply binary_matrix_multiply "BINARY_MATRIX_MULTIPLY", stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryMatrixMultiply;
        /// (left, right -- res)  left @= right
        17  => InplaceMatrixMultiply inplace_matrix_multiply "INPLACE_MATRIX_MULTIPLY", stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceMatrixMultiply;
        /// (left, right -- res)  left ** right
        19  => BinaryPower       binary_power         "BINARY_POWER",         stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryPower;
        /// (left, right -- res)  left * right
        20  => BinaryMultiply    binary_multiply      "BINARY_MULTIPLY",      stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryMultiply;
        /// (left, right -- res)  left % right
        22  => BinaryModulo      binary_modulo        "BINARY_MODULO",        stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryModulo;
        /// (left, right -- res)  left + right
        23  => BinaryAdd         binary_add           "BINARY_ADD",           stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryAdd;
        /// (left, right -- res)  left - right
        24  => BinarySubtract    binary_subtract      "BINARY_SUBTRACT",      stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinarySubtract;
        /// (container, key -- res)  container[key]
        25  => BinarySubscr      binary_subscr        "BINARY_SUBSCR",        stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinarySubscr;
        /// (left, right -- res)  left // right
        26  => BinaryFloorDivide binary_floor_divide  "BINARY_FLOOR_DIVIDE",  stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryFloorDivide;
        /// (left, right -- res)  left / right
        27  => BinaryTrueDivide  binary_true_divide   "BINARY_TRUE_DIVIDE",   stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryTrueDivide;
        /// (left, right -- res)  left //= right
        28  => InplaceFloorDivide inplace_floor_divide "INPLACE_FLOOR_DIVIDE", stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceFloorDivide;
        /// (left, right -- res)  left /= right
        29  => InplaceTrueDivide inplace_true_divide  "INPLACE_TRUE_DIVIDE",  stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceTrueDivide;
        /// (obj -- obj, len)  len = len(obj), keeping obj (sequence and mapping patterns)
        30  => GetLen            get_len              "GET_LEN",              stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [], form: split, family: GetLen;
        /// (subject -- subject, res)  res = the type of subject is a mapping (dict, or a Mapping ABC's class)
        31  => MatchMapping      match_mapping        "MATCH_MAPPING",        stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [PopJumpIfFalse], form: split, family: MatchMapping;
        /// (subject -- subject, res)  res = the type of subject is a sequence (not str, bytes or bytearray)
        32  => MatchSequence     match_sequence       "MATCH_SEQUENCE",       stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [PopJumpIfFalse], form: split, family: MatchSequence;
        /// (subject, keys -- subject, keys, values)  values = tuple of subject.get(k) for the keys, or None if one is missing
        33  => MatchKeys         match_keys           "MATCH_KEYS",           stack: |_| (2, 3), jump: NOJUMP, flags: [], predicts: [], form: split, family: MatchKeys;
        /// (exc -- prev_exc, exc)  make exc the handled exception (sys.exc_info()), saving the previous one below it
        35  => PushExcInfo       push_exc_info        "PUSH_EXC_INFO",        stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [], form: inline, family: PushExcInfo;
        /// (exc, type -- exc, matched)  matched = isinstance(exc, type) for a class or tuple of classes
        36  => CheckExcMatch     check_exc_match      "CHECK_EXC_MATCH",      stack: |_| (2, 2), jump: NOJUMP, flags: [], predicts: [PopJumpIfFalse], form: split, family: CheckExcMatch;
        /// (aiterable -- aiter)  aiter = type(aiterable).__aiter__(aiterable)
        50  => GetAiter          get_aiter            "GET_AITER",            stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: GetAiter;
        /// (aiter -- aiter, awaitable)  the awaitable of type(aiter).__anext__(aiter)
        51  => GetAnext          get_anext            "GET_ANEXT",            stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [], form: split, family: GetAnext;
        /// (mgr -- aexit, awaitable)  aexit = mgr.__aexit__ (bound); awaitable of mgr.__aenter__()
        52  => BeforeAsyncWith   before_async_with    "BEFORE_ASYNC_WITH",    stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [], form: split, family: BeforeAsyncWith;
        /// (aiter, exc --)  end of `async for`: StopAsyncIteration ends the loop, anything else is re-raised
        54  => EndAsyncFor       end_async_for        "END_ASYNC_FOR",        stack: |_| (2, 0), jump: NOJUMP, flags: [], predicts: [], form: split, family: EndAsyncFor;
        /// (value -- iter)  the iterator `await value` delegates to (a coroutine, or what __await__ returns)
        73  => GetAwaitable      get_awaitable        "GET_AWAITABLE",        stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: GetAwaitable;
        /// (exit, prev_exc, exc -- exit, prev_exc, exc, res)  res = exit(type(exc), exc, exc.__traceback__)
        49  => WithExceptStart   with_except_start    "WITH_EXCEPT_START",    stack: |_| (3, 4), jump: NOJUMP, flags: [], predicts: [PopJumpIfTrue], form: split, family: WithExceptStart;
        /// (left, right -- res)  left += right
        55  => InplaceAdd        inplace_add          "INPLACE_ADD",          stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceAdd;
        /// (left, right -- res)  left -= right
        56  => InplaceSubtract   inplace_subtract     "INPLACE_SUBTRACT",     stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceSubtract;
        /// (left, right -- res)  left *= right
        57  => InplaceMultiply   inplace_multiply     "INPLACE_MULTIPLY",     stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceMultiply;
        /// (left, right -- res)  left %= right
        59  => InplaceModulo     inplace_modulo       "INPLACE_MODULO",       stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceModulo;
        /// (value, container, key --)  container[key] = value
        60  => StoreSubscr       store_subscr         "STORE_SUBSCR",         stack: |_| (3, 0), jump: NOJUMP, flags: [], predicts: [], form: inline, family: StoreSubscr;
        /// (container, key --)  del container[key]
        61  => DeleteSubscr      delete_subscr        "DELETE_SUBSCR",        stack: |_| (2, 0), jump: NOJUMP, flags: [], predicts: [], form: split, family: DeleteSubscr;
        /// (left, right -- res)  left << right
        62  => BinaryLshift      binary_lshift        "BINARY_LSHIFT",        stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryLshift;
        /// (left, right -- res)  left >> right
        63  => BinaryRshift      binary_rshift        "BINARY_RSHIFT",        stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryRshift;
        /// (left, right -- res)  left & right
        64  => BinaryAnd         binary_and           "BINARY_AND",           stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryAnd;
        /// (left, right -- res)  left ^ right
        65  => BinaryXor         binary_xor           "BINARY_XOR",           stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryXor;
        /// (left, right -- res)  left | right
        66  => BinaryOr          binary_or            "BINARY_OR",            stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: BinaryOr;
        /// (left, right -- res)  left **= right
        67  => InplacePower      inplace_power        "INPLACE_POWER",        stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplacePower;
        /// (iterable -- iter)  iter = iter(iterable)
        68  => GetIter           get_iter             "GET_ITER",             stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [ForIter], form: split, family: GetIter;
        /// (iterable -- iter)  iter(iterable) unless it is a generator or coroutine already
        69  => GetYieldFromIter  get_yield_from_iter  "GET_YIELD_FROM_ITER",  stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: GetYieldFromIter;
        /// (value --)  interactive mode: print repr(value) unless None, bind builtins._
        70  => PrintExpr         print_expr           "PRINT_EXPR",           stack: |_| (1, 0), jump: NOJUMP, flags: [], predicts: [], form: split, family: PrintExpr;
        /// (-- build_class)  push builtins.__build_class__
        71  => LoadBuildClass    load_build_class     "LOAD_BUILD_CLASS",     stack: |_| (0, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: LoadBuildClass;
        /// (receiver, value -- res)  delegate: send value to receiver; if it yields, this frame yields the same value and re-executes YIELD_FROM on resume; if it returns, res = its return value
        72  => YieldFrom         yield_from           "YIELD_FROM",           stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: YieldFrom;
        /// (left, right -- res)  left <<= right
        75  => InplaceLshift     inplace_lshift       "INPLACE_LSHIFT",       stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceLshift;
        /// (left, right -- res)  left >>= right
        76  => InplaceRshift     inplace_rshift       "INPLACE_RSHIFT",       stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceRshift;
        /// (left, right -- res)  left &= right
        77  => InplaceAnd        inplace_and          "INPLACE_AND",          stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceAnd;
        /// (left, right -- res)  left ^= right
        78  => InplaceXor        inplace_xor          "INPLACE_XOR",          stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceXor;
        /// (left, right -- res)  left |= right
        79  => InplaceOr         inplace_or           "INPLACE_OR",           stack: |_| (2, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: InplaceOr;
        /// (-- AssertionError)
        74  => LoadAssertionError load_assertion_error "LOAD_ASSERTION_ERROR", stack: |_| (0, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: LoadAssertionError;
        /// (list -- tuple)  tuple(list)
        82  => ListToTuple       list_to_tuple        "LIST_TO_TUPLE",        stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: split, family: ListToTuple;
        /// (value --)  return value to the caller
        83  => ReturnValue       return_value         "RETURN_VALUE",         stack: |_| (1, 0), jump: NOJUMP, flags: [TERM], predicts: [], form: inline, family: ReturnValue;
        /// (module --)  from module import *
        84  => ImportStar        import_star          "IMPORT_STAR",          stack: |_| (1, 0), jump: NOJUMP, flags: [], predicts: [], form: split, family: ImportStar;
        /// (--)  __annotations__ = {} in the current namespace unless present
        85  => SetupAnnotations  setup_annotations    "SETUP_ANNOTATIONS",    stack: |_| (0, 0), jump: NOJUMP, flags: [], predicts: [], form: inline, family: SetupAnnotations;
        /// (value -- sent)  suspend the frame yielding value; sent = the value passed to send() on resume
        86  => YieldValue        yield_value          "YIELD_VALUE",          stack: |_| (1, 1), jump: NOJUMP, flags: [], predicts: [], form: inline, family: YieldValue;
        /// (prev_exc --)  restore prev_exc as the handled exception
        89  => PopExcept         pop_except           "POP_EXCEPT",           stack: |_| (1, 0), jump: NOJUMP, flags: [], predicts: [], form: inline, family: PopExcept;

        /// (value --)  names[arg] = value in the local namespace
        90  => StoreName         store_name           "STORE_NAME",           stack: |_| (1, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: StoreName;
        /// (--)  del names[arg] from the local namespace
        91  => DeleteName        delete_name          "DELETE_NAME",          stack: |_| (0, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: DeleteName;
        /// (seq -- item[arg-1], ..., item[0])  unpack exactly arg items, first item on top
        92  => UnpackSequence    unpack_sequence      "UNPACK_SEQUENCE",      stack: |n| (1, n), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: UnpackSequence;
        /// (iter -- iter, next)  next(iter); when exhausted pop iter and jump to arg
        93  => ForIter           for_iter             "FOR_ITER",             stack: |_| (1, 2), jump: |_| (1, 0), flags: [ARG, JUMP], predicts: [StoreFast, UnpackSequence], form: inline, family: ForIter;
        /// (seq -- after..., list, before...)  a, *b, c = seq: arg = before | after << 8
        94  => UnpackEx          unpack_ex            "UNPACK_EX",            stack: |a| (1, (a & 0xff) + (a >> 8) + 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: UnpackEx;
        /// (value, obj --)  obj.names[arg] = value
        95  => StoreAttr         store_attr           "STORE_ATTR",           stack: |_| (2, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: StoreAttr;
        /// (obj --)  del obj.names[arg]
        96  => DeleteAttr        delete_attr          "DELETE_ATTR",          stack: |_| (1, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: DeleteAttr;
        /// (value --)  globals[names[arg]] = value
        97  => StoreGlobal       store_global         "STORE_GLOBAL",         stack: |_| (1, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: StoreGlobal;
        /// (--)  del globals[names[arg]]
        98  => DeleteGlobal      delete_global        "DELETE_GLOBAL",        stack: |_| (0, 0), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: DeleteGlobal;
        /// (x[arg], ..., x[1] -- x[1], ..., x[arg])  swap TOS with the arg-th item (arg >= 2)
        99  => Swap              swap                 "SWAP",                 stack: |n| (n, n), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: Swap;
        /// (-- value)  value = consts[arg]
        100 => LoadConst         load_const           "LOAD_CONST",           stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, CONST], predicts: [], form: inline, family: LoadConst;
        /// (-- value)  names[arg] from locals, then globals, then builtins
        101 => LoadName          load_name            "LOAD_NAME",            stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: LoadName;
        /// (items[arg] -- tuple)
        102 => BuildTuple        build_tuple          "BUILD_TUPLE",          stack: |n| (n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: BuildTuple;
        /// (items[arg] -- list)
        103 => BuildList         build_list           "BUILD_LIST",           stack: |n| (n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: BuildList;
        /// (items[arg] -- set)
        104 => BuildSet          build_set            "BUILD_SET",            stack: |n| (n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: BuildSet;
        /// (k1, v1, ..., k[arg], v[arg] -- dict)
        105 => BuildMap          build_map            "BUILD_MAP",            stack: |n| (2 * n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: BuildMap;
        /// (obj -- value)  value = obj.names[arg]
        106 => LoadAttr          load_attr            "LOAD_ATTR",            stack: |_| (1, 1), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: LoadAttr;
        /// (left, right -- res)  res = left <op> right; arg: 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >=
        107 => CompareOp         compare_op           "COMPARE_OP",           stack: |_| (2, 1), jump: NOJUMP, flags: [ARG, CMP], predicts: [PopJumpIfFalse, PopJumpIfTrue], form: inline, family: CompareOp;
        /// (level, fromlist -- module)  import names[arg]
        108 => ImportName        import_name          "IMPORT_NAME",          stack: |_| (2, 1), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: ImportName;
        /// (module -- module, value)  value = module.names[arg] (ImportError if missing)
        109 => ImportFrom        import_from          "IMPORT_FROM",          stack: |_| (1, 2), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: ImportFrom;
        /// (cond -- cond) if cond is false: jump to arg keeping cond; else pop it
        111 => JumpIfFalseOrPop  jump_if_false_or_pop "JUMP_IF_FALSE_OR_POP", stack: |_| (1, 0), jump: |_| (1, 1), flags: [ARG, JUMP], predicts: [], form: inline, family: JumpIfFalseOrPop;
        /// (cond -- cond) if cond is true: jump to arg keeping cond; else pop it
        112 => JumpIfTrueOrPop   jump_if_true_or_pop  "JUMP_IF_TRUE_OR_POP",  stack: |_| (1, 0), jump: |_| (1, 1), flags: [ARG, JUMP], predicts: [], form: inline, family: JumpIfTrueOrPop;
        /// (--)  ip = arg
        113 => JumpAbsolute      jump_absolute        "JUMP_ABSOLUTE",        stack: |_| (0, 0), jump: |_| (0, 0), flags: [ARG, JUMP, TERM], predicts: [], form: inline, family: JumpAbsolute;
        /// (cond --)  if not cond: ip = arg
        114 => PopJumpIfFalse    pop_jump_if_false    "POP_JUMP_IF_FALSE",    stack: |_| (1, 0), jump: |_| (1, 0), flags: [ARG, JUMP], predicts: [], form: inline, family: PopJumpIfFalse;
        /// (cond --)  if cond: ip = arg
        115 => PopJumpIfTrue     pop_jump_if_true     "POP_JUMP_IF_TRUE",     stack: |_| (1, 0), jump: |_| (1, 0), flags: [ARG, JUMP], predicts: [], form: inline, family: PopJumpIfTrue;
        /// (-- value)  names[arg] from globals, then builtins
        116 => LoadGlobal        load_global          "LOAD_GLOBAL",          stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: inline, family: LoadGlobal;
        /// (left, right -- res)  left is right (arg 0) / left is not right (arg 1)
        117 => IsOp              is_op                "IS_OP",                stack: |_| (2, 1), jump: NOJUMP, flags: [ARG], predicts: [PopJumpIfFalse, PopJumpIfTrue], form: inline, family: IsOp;
        /// (left, right -- res)  left in right (arg 0) / left not in right (arg 1)
        118 => ContainsOp        contains_op          "CONTAINS_OP",          stack: |_| (2, 1), jump: NOJUMP, flags: [ARG], predicts: [PopJumpIfFalse, PopJumpIfTrue], form: split, family: ContainsOp;
        /// (exc --)  re-raise exc without adding a traceback entry
        119 => Reraise           reraise              "RERAISE",              stack: |_| (1, 0), jump: NOJUMP, flags: [TERM], predicts: [], form: inline, family: Reraise;
        /// (x[arg], ..., x[1] -- x[arg], ..., x[1], x[arg])  push a copy of the arg-th item (arg >= 1)
        120 => Copy              copy                 "COPY",                 stack: |n| (n, n + 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: Copy;
        /// (-- value)  value = fast_locals[arg]; UnboundLocalError if unset
        124 => LoadFast          load_fast            "LOAD_FAST",            stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, LOCAL], predicts: [], form: inline, family: LoadFast;
        /// (value --)  fast_locals[arg] = value
        125 => StoreFast         store_fast           "STORE_FAST",           stack: |_| (1, 0), jump: NOJUMP, flags: [ARG, LOCAL], predicts: [], form: inline, family: StoreFast;
        /// (--)  del fast_locals[arg]
        126 => DeleteFast        delete_fast          "DELETE_FAST",          stack: |_| (0, 0), jump: NOJUMP, flags: [ARG, LOCAL], predicts: [], form: inline, family: DeleteFast;
        /// (args[arg] --)  arg 0: re-raise the handled exception; 1: raise exc; 2: raise exc from cause
        130 => RaiseVarargs      raise_varargs        "RAISE_VARARGS",        stack: |n| (n, 0), jump: NOJUMP, flags: [ARG, TERM], predicts: [], form: inline, family: RaiseVarargs;
        /// (func, args[arg] -- res)  res = func(*args)
        131 => CallFunction      call_function        "CALL_FUNCTION",        stack: |n| (n + 1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: CallFunction;
        /// (defaults?, kwdefaults?, annotations?, closure?, code, qualname -- func)  arg bits 1/2/4/8 say which optional items are present
        132 => MakeFunction      make_function        "MAKE_FUNCTION",        stack: |f| (2 + (f & 0xf).count_ones(), 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: MakeFunction;
        /// (start, stop, step? -- slice)  arg is 2 or 3
        133 => BuildSlice        build_slice          "BUILD_SLICE",          stack: |n| (n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: BuildSlice;
        /// (-- cell)  push the cell object cells_and_frees[arg]
        135 => LoadClosure       load_closure         "LOAD_CLOSURE",         stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, FREE], predicts: [], form: inline, family: LoadClosure;
        /// (-- value)  value = cells_and_frees[arg].contents
        136 => LoadDeref         load_deref           "LOAD_DEREF",           stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, FREE], predicts: [], form: inline, family: LoadDeref;
        /// (value --)  cells_and_frees[arg].contents = value
        137 => StoreDeref        store_deref          "STORE_DEREF",          stack: |_| (1, 0), jump: NOJUMP, flags: [ARG, FREE], predicts: [], form: split, family: StoreDeref;
        /// (--)  empty cells_and_frees[arg]
        138 => DeleteDeref       delete_deref         "DELETE_DEREF",         stack: |_| (0, 0), jump: NOJUMP, flags: [ARG, FREE], predicts: [], form: inline, family: DeleteDeref;
        /// (func, args[arg], kwnames -- res)  res = func(*positional, **dict(zip(kwnames, trailing args)))
        141 => CallFunctionKw    call_function_kw     "CALL_FUNCTION_KW",     stack: |n| (n + 2, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: CallFunctionKw;
        /// (func, args_tuple, kwargs_dict? -- res)  arg bit 1: kwargs_dict present
        142 => CallFunctionEx    call_function_ex     "CALL_FUNCTION_EX",     stack: |f| (2 + (f & 1), 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: CallFunctionEx;
        /// (mgr -- exit, value)  exit = mgr.__exit__ (bound); value = mgr.__enter__()
        143 => BeforeWith        before_with          "BEFORE_WITH",          stack: |_| (1, 2), jump: NOJUMP, flags: [], predicts: [], form: split, family: BeforeWith;
        /// (list, ..., value -- list, ...)  list.append(value); list is stack[-arg] after the pop
        145 => ListAppend        list_append          "LIST_APPEND",          stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [JumpAbsolute], form: split, family: ListAppend;
        /// (set, ..., value -- set, ...)  set.add(value); set is stack[-arg] after the pop
        146 => SetAdd            set_add              "SET_ADD",              stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [JumpAbsolute], form: split, family: SetAdd;
        /// (dict, ..., key, value -- dict, ...)  dict[key] = value; dict is stack[-arg] after the pops
        147 => MapAdd            map_add              "MAP_ADD",              stack: |_| (2, 0), jump: NOJUMP, flags: [ARG], predicts: [JumpAbsolute], form: split, family: MapAdd;
        /// (-- value)  class body: cells_and_frees[arg]'s name from the class namespace, else the cell
        148 => LoadClassderef    load_classderef      "LOAD_CLASSDEREF",      stack: |_| (0, 1), jump: NOJUMP, flags: [ARG, FREE], predicts: [], form: inline, family: LoadClassderef;
        /// (subject, type, names -- attrs)  attrs = tuple of arg positional (via __match_args__) then named attributes of an instance of type, or None
        152 => MatchClass        match_class          "MATCH_CLASS",          stack: |_| (3, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: MatchClass;
        /// (value, spec? -- str)  format(conv(value), spec); arg & 3: 0 none, 1 str, 2 repr, 3 ascii; arg & 4: spec present
        155 => FormatValue       format_value         "FORMAT_VALUE",         stack: |f| (1 + ((f >> 2) & 1), 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: FormatValue;
        /// (v1, ..., v[arg], keys -- dict)  keys is a tuple of arg keys
        156 => BuildConstKeyMap  build_const_key_map  "BUILD_CONST_KEY_MAP",  stack: |n| (n + 1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: BuildConstKeyMap;
        /// (s1, ..., s[arg] -- str)  concatenation
        157 => BuildString       build_string         "BUILD_STRING",         stack: |n| (n, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: BuildString;
        /// (obj -- meth, self | NULL, attr)  method lookup without binding when obj.names[arg] is a plain function on its type
        160 => LoadMethod        load_method          "LOAD_METHOD",          stack: |_| (1, 2), jump: NOJUMP, flags: [ARG, NAME], predicts: [], form: split, family: LoadMethod;
        /// (meth|NULL, self|callable, args[arg] -- res)
        161 => CallMethod        call_method          "CALL_METHOD",          stack: |n| (n + 2, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: CallMethod;
        /// (list, ..., iterable -- list, ...)  list.extend(iterable); list is stack[-arg] after the pop
        162 => ListExtend        list_extend          "LIST_EXTEND",          stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: ListExtend;
        /// (set, ..., iterable -- set, ...)  set.update(iterable)
        163 => SetUpdate         set_update           "SET_UPDATE",           stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: SetUpdate;
        /// (func, ..., dict, ..., mapping -- func, ..., dict, ...)  call **kwargs merge: TypeError on a repeated key; dict is stack[-arg] after the pop, func is 2 below it
        164 => DictMerge         dict_merge           "DICT_MERGE",           stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: DictMerge;
        /// (dict, ..., mapping -- dict, ...)  dict.update(mapping)
        165 => DictUpdate        dict_update          "DICT_UPDATE",          stack: |_| (1, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: DictUpdate;
        /// (meth|NULL, self|callable, args[arg], kwnames -- res)  CALL_METHOD with keyword arguments named by the tuple kwnames
        166 => CallMethodKw      call_method_kw       "CALL_METHOD_KW",       stack: |n| (n + 3, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: CallMethodKw;
        // Quickened forms (`vm/src/interp/specialize.rs`): the compiler never emits
        // these; their argument is the index of the instruction's inline cache, which
        // keeps the generic argument.
        /// (owner -- value)  LOAD_ATTR that counts down to an attempt to specialise
        170 => LoadAttrAdaptive  load_attr_adaptive   "LOAD_ATTR_ADAPTIVE",   stack: |_| (1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: LoadAttr;
        /// (owner -- value)  an instance attribute at a cached index of a cached shape
        171 => LoadAttrInstanceValue load_attr_instance_value "LOAD_ATTR_INSTANCE_VALUE", stack: |_| (1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadAttr;
        /// (owner -- value)  a module attribute at a cached entry of a dict of cached layout
        172 => LoadAttrModule    load_attr_module     "LOAD_ATTR_MODULE",     stack: |_| (1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadAttr;
        /// (owner -- value)  a plain attribute of a class (of metaclass type), the value cached, the class version checked
        173 => LoadAttrClass     load_attr_class      "LOAD_ATTR_CLASS",      stack: |_| (1, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadAttr;
        /// (value, owner --)  STORE_ATTR that counts down to an attempt to specialise
        174 => StoreAttrAdaptive store_attr_adaptive  "STORE_ATTR_ADAPTIVE",  stack: |_| (2, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: StoreAttr;
        /// (value, owner --)  store at a cached index of a cached shape (moving to the cached next shape when the store adds the attribute)
        175 => StoreAttrInstanceValue store_attr_instance_value "STORE_ATTR_INSTANCE_VALUE", stack: |_| (2, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: StoreAttr;
        /// (owner -- meth, owner | NULL, value)  LOAD_METHOD that counts down to an attempt to specialise
        177 => LoadMethodAdaptive load_method_adaptive "LOAD_METHOD_ADAPTIVE", stack: |_| (1, 2), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: LoadMethod;
        /// (owner -- meth, owner)  a function of an instance's class (cached, class version and shape checked: the instance does not shadow it)
        178 => LoadMethodWithValues load_method_with_values "LOAD_METHOD_WITH_VALUES", stack: |_| (1, 2), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadMethod;
        /// (owner -- meth, owner)  a method of a built-in type, the owner's kind and its class version checked
        179 => LoadMethodBuiltin load_method_builtin  "LOAD_METHOD_BUILTIN",  stack: |_| (1, 2), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadMethod;
        /// (owner -- NULL, value)  a module attribute at a cached entry of a dict of cached layout
        180 => LoadMethodModule  load_method_module   "LOAD_METHOD_MODULE",   stack: |_| (1, 2), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadMethod;
        /// (-- value)  LOAD_GLOBAL that counts down to an attempt to specialise
        182 => LoadGlobalAdaptive load_global_adaptive "LOAD_GLOBAL_ADAPTIVE", stack: |_| (0, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: split, family: LoadGlobal;
        /// (-- value)  a global at a cached entry of a globals dict of cached layout
        183 => LoadGlobalModule  load_global_module   "LOAD_GLOBAL_MODULE",   stack: |_| (0, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadGlobal;
        /// (-- value)  a builtin at a cached entry, the globals and builtins layouts checked (no global shadows it)
        184 => LoadGlobalBuiltin load_global_builtin  "LOAD_GLOBAL_BUILTIN",  stack: |_| (0, 1), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: LoadGlobal;
        /// (--)  prefix: the next instruction's argument is arg << 8 | its own
        255 => ExtendedArg       extended_arg         "EXTENDED_ARG",         stack: |_| (0, 0), jump: NOJUMP, flags: [ARG], predicts: [], form: inline, family: ExtendedArg;
    }};
}

/// The column flags of a row, as bits of [`Opcode::flags`].
pub mod flag {
    pub const ARG: u16 = 1 << 0;
    pub const JUMP: u16 = 1 << 1;
    pub const CONST: u16 = 1 << 2;
    pub const NAME: u16 = 1 << 3;
    pub const LOCAL: u16 = 1 << 4;
    pub const FREE: u16 = 1 << 5;
    pub const CMP: u16 = 1 << 6;
    pub const TERM: u16 = 1 << 7;
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:literal])* $code:literal => $V:ident $h:ident $name:literal,
        stack: $st:expr, jump: $j:expr, flags: [$($f:ident),*], predicts: [$($p:ident),*], form: $form:ident, family: $fam:ident; )*) => {
        /// A pyhop opcode: the first byte of a code unit.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Opcode { $( $(#[doc = $doc])* $V = $code, )* }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$V),*];
            /// Number of opcodes in the table.
            pub const COUNT: usize = Self::ALL.len();

            const BY_BYTE: [Option<Opcode>; 256] = {
                let mut t = [None; 256];
                $( t[$code] = Some(Opcode::$V); )*
                t
            };

            /// The opcode whose byte is `b`, if any.
            #[inline]
            pub const fn from_u8(b: u8) -> Option<Opcode> { Self::BY_BYTE[b as usize] }

            /// CPython spelling, as `dis` prints it.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$V => $name, )* }
            }

            /// The one-line semantics and stack picture from the table.
            pub fn doc(self) -> &'static str {
                match self { $( Opcode::$V => concat!($($doc),*).trim_start(), )* }
            }

            /// Bit set of [`flag`] constants.
            pub const fn flags(self) -> u16 {
                match self { $( Opcode::$V => 0 $( | flag::$f )*, )* }
            }

            /// `(popped, pushed)` when execution falls through.
            pub fn stack_effect(self, arg: u32) -> (u32, u32) {
                match self { $( Opcode::$V => { let f: fn(u32) -> (u32, u32) = $st; f(arg) } )* }
            }

            /// `(popped, pushed)` when a jump instruction takes its branch.
            pub fn jump_effect(self, arg: u32) -> (u32, u32) {
                match self { $( Opcode::$V => { let f: fn(u32) -> (u32, u32) = $j; f(arg) } )* }
            }

            /// The opcodes this one's handler predicts (peeks for) next.
            pub const fn predicts(self) -> &'static [Opcode] {
                match self { $( Opcode::$V => &[$(Opcode::$p),*], )* }
            }

            /// The tail engine's form of the handler: `true` inline, `false` split.
            pub const fn is_inline(self) -> bool {
                match self { $( Opcode::$V => form_is_inline(stringify!($form)), )* }
            }

            /// The generic opcode this one is a specialised (or adaptive) form of;
            /// a generic opcode is its own family.
            pub const fn family(self) -> Opcode {
                match self { $( Opcode::$V => Opcode::$fam, )* }
            }
        }
    };
}
for_each_opcode!(define_opcodes);

/// The `form` column: `inline` or `split` (anything else fails the build).
const fn form_is_inline(form: &str) -> bool {
    match form.as_bytes() {
        b"inline" => true,
        b"split" => false,
        _ => panic!("form must be `inline` or `split`"),
    }
}

impl Opcode {
    #[inline]
    pub const fn has_arg(self) -> bool { self.flags() & flag::ARG != 0 }
    #[inline]
    pub const fn is_jump(self) -> bool { self.flags() & flag::JUMP != 0 }
    /// Control never reaches the next instruction (return, raise, unconditional jump).
    #[inline]
    pub const fn is_terminal(self) -> bool { self.flags() & flag::TERM != 0 }
    /// A specialised or adaptive form (its family is another opcode).
    #[inline]
    pub const fn is_specialised(self) -> bool { self.family() as u8 != self as u8 }
}

/// Comparison operators, the argument of `COMPARE_OP` (CPython's order).
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(codes.insert(op as u8), "duplicate code {}", op as u8);
            assert!(names.insert(op.name()), "duplicate name {}", op.name());
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(Opcode::ExtendedArg as u8, 255);
    }

    #[test]
    fn jumps_have_args_and_predicted_jumps_are_documented() {
        for &op in Opcode::ALL {
            if op.is_jump() {
                assert!(op.has_arg(), "{} jumps without an argument", op.name());
            } else {
                assert_eq!(op.jump_effect(0), (0, 0), "{} has a jump effect", op.name());
            }
            for p in op.predicts() {
                // Conditional jumps predicted after tests are the point of PREDICT;
                // only JUMP_ABSOLUTE after LIST_APPEND & co. is an unconditional one.
                if p.is_terminal() {
                    assert!(matches!(op, Opcode::ListAppend | Opcode::SetAdd | Opcode::MapAdd));
                }
            }
        }
    }

    #[test]
    fn every_row_is_documented() {
        for &op in Opcode::ALL {
            assert!(op.doc().starts_with('('), "{}: doc must start with a stack picture", op.name());
        }
    }
}
