// DmWorker, the helper's one device-mapper thread: jobs run there in the
// order they were queued, results come back to the caller's thread, the
// caller's event loop keeps running during a long job, and libdevmapper is
// bound to that thread (a task from any other thread is reported as a bug).
#include "devicemapper.h"
#include "dmworker.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <atomic>

namespace {
QStringList g_messages;

void recordMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}
} // namespace

class TestDmWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsRunInOrderOnOneThread()
    {
        DmWorker worker;
        QList<QThread *> threads;
        QList<int> order, answered;
        QObject context;
        for (int i = 0; i < 50; ++i)
            worker.run<int>(
                    &context,
                    [&threads, &order, i] {
                        threads << QThread::currentThread();
                        order << i;
                        return i;
                    },
                    [&answered](const int &i) {
                        QCOMPARE(QThread::currentThread(), qApp->thread());
                        answered << i;
                    });
        QTRY_COMPARE(answered.size(), 50);
        QList<int> expected;
        for (int i = 0; i < 50; ++i)
            expected << i;
        QCOMPARE(order, expected);
        QCOMPARE(answered, expected);
        QCOMPARE(QSet<QThread *>(threads.begin(), threads.end()).size(), 1);
        QCOMPARE(threads.first(), worker.thread());
        QVERIFY(threads.first() != QThread::currentThread());
        // libdevmapper was set up on that thread and is bound to it.
        QCOMPARE(DeviceMapper::thread(), worker.thread());
    }

    // The caller's event loop runs on while a long job runs (as the helper's
    // main thread answers GetVersion during a long ListRemaps).
    void callerStaysResponsive()
    {
        DmWorker worker;
        QObject context;
        QElapsedTimer clock;
        qint64 last = 0, longestGap = 0;
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        bool done = false;
        clock.start();
        tick.start();
        worker.run<bool>(&context, [] { QThread::msleep(1500); return true; }, [&done](const bool &) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        qInfo("a 1500 ms job: the caller's longest gap between 5 ms ticks was %lld ms", longestGap);
        // Far below the job's length, with room for a busy machine's scheduling.
        QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    }

    void noAnswerToAGoneContext()
    {
        DmWorker worker;
        auto *context = new QObject;
        std::atomic<bool> ran = false;
        bool answered = false;
        worker.run<int>(context, [&ran] { QThread::msleep(100); ran = true; return 1; }, [&answered](const int &) { answered = true; });
        delete context;
        QTRY_VERIFY(ran);
        QTest::qWait(50);
        QVERIFY(!answered);
    }

    // Jobs queued before the worker is destroyed still run (a removal in
    // progress at shutdown is finished).
    void destructionFinishesQueuedJobs()
    {
        std::atomic<int> ran = 0;
        {
            DmWorker worker;
            QObject context;
            for (int i = 0; i < 5; ++i)
                worker.run<int>(&context, [&ran] { QThread::msleep(20); return ++ran; }, [](const int &) {});
        }
        QCOMPARE(ran.load(), 5);
    }

    void deviceMapperOutsideTheWorkerIsABug()
    {
        DmWorker worker;
        QObject context;
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
        bool done = false;
        worker.run<bool>(&context, [] {
            QString error;
            DeviceMapper::status(QStringLiteral("dm-remap-test-none"), &error);
            return true;
        }, [&done](const bool &) { done = true; });
        QTRY_VERIFY(done);
        const QStringList fromWorker = g_messages;
        QString error;
        DeviceMapper::status(QStringLiteral("dm-remap-test-none"), &error);
        qInstallMessageHandler(previous);
        QVERIFY2(!fromWorker.join(QLatin1Char('\n')).contains(QLatin1String("outside the device-mapper worker thread")),
                 qPrintable(fromWorker.join(QLatin1Char('\n'))));
        QVERIFY2(g_messages.join(QLatin1Char('\n')).contains(QLatin1String("outside the device-mapper worker thread")),
                 qPrintable(g_messages.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestDmWorker)
#include "tst_dmworker.moc"
