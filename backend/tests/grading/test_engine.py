from grading.engine import grade
from grading.limits import Limits

LIMITS = Limits(cpu_seconds=2, wall_seconds=5, memory_mb=256)


def case(name, code, *, hidden=False, weight=1):
    return {"name": name, "code": code, "hidden": hidden, "weight": weight}


TESTS = [
    case("adds", "assert add(2, 3) == 5"),
    case("negatives", "assert add(-1, -1) == -2", weight=3),
    case("secret", "assert add(10, 5) == 15", hidden=True),
]


def test_a_correct_submission_passes_with_full_score():
    result = grade(code="def add(a, b):\n    return a + b\n", test_cases=TESTS, limits=LIMITS)

    assert (result.status, result.score) == ("passed", 100)
    assert [test.status for test in result.tests] == ["passed"] * 3


def test_the_score_is_the_weighted_share_of_passed_tests():
    code = "def add(a, b):\n    return abs(a) + abs(b)\n"

    result = grade(code=code, test_cases=TESTS, limits=LIMITS)

    assert result.status == "failed"
    assert [test.status for test in result.tests] == ["passed", "failed", "passed"]
    assert result.score == 40  # 2 of 5 weight points


def test_failures_show_the_call_the_expected_and_the_actual_value_and_keep_printed_output():
    code = "def add(a, b):\n    print('adding', a, b)\n    return 0\n"

    first = grade(code=code, test_cases=TESTS, limits=LIMITS).tests[0]

    assert first.status == "failed"
    assert first.message == "add(2, 3): expected 5, got 0"
    assert first.detail == {"call": "add(2, 3)", "operator": "==", "expected": "5", "actual": "0"}
    assert first.output == "adding 2 3\n"


def test_an_assertion_that_is_no_comparison_names_its_line():
    tests = [case("positive", "assert add(1, 1) > 0")]

    result = grade(code="def add(a, b):\n    return -1\n", test_cases=tests, limits=LIMITS)

    assert result.tests[0].message == "Assertion failed: assert add(1, 1) > 0"


def test_hidden_tests_show_learners_only_pass_or_fail():
    result = grade(code="def add(a, b):\n    return 0\n", test_cases=TESTS, limits=LIMITS)

    shown = result.tests[2].as_learner_sees_it()

    assert shown == {"name": "secret", "status": "failed", "hidden": True, "weight": 1}


def test_a_syntax_error_is_an_error_with_a_message():
    result = grade(code="def add(a, b) return a", test_cases=TESTS, limits=LIMITS)

    assert result.status == "error"
    assert "SyntaxError" in result.message
    assert result.score == 0


def test_an_exception_inside_a_test_is_a_test_error():
    result = grade(code="def add(a, b):\n    return a / 0\n", test_cases=TESTS, limits=LIMITS)

    assert result.tests[0].status == "error"
    assert "ZeroDivisionError" in result.tests[0].message


def test_tests_do_not_see_each_others_assignments():
    tests = [case("sets", "leaked = 1"), case("reads", "assert 'leaked' not in globals()")]

    result = grade(code="", test_cases=tests, limits=LIMITS)

    assert result.status == "passed"
