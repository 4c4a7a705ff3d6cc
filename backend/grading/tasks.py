from django_tasks import task

from grading.services import submission_grade, submissions_recover


@task()
def grade_submission_task(submission_id: int) -> str | None:
    # Every run first rescues submissions whose worker died, so recovery needs no
    # scheduler as long as learners keep submitting (manage.py
    # recover_submissions does the same from cron).
    submissions_recover()
    submission = submission_grade(submission_id=submission_id)
    return submission.status if submission else None
