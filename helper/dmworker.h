// The one thread that does the helper's device-mapper and disk work.
// libdevmapper is not thread-safe, and an ioctl or a long remap list must
// never stall the D-Bus main thread: every job runs here, one at a time, in
// the order it was queued (so a read queued after a create sees the new
// device), and hands its result back to the thread of a context object.
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

class DmWorker : public QObject
{
    Q_OBJECT
public:
    explicit DmWorker(QObject *parent = nullptr);
    // Runs the jobs queued so far, then stops the thread.
    ~DmWorker() override;

    QThread *thread() const { return m_thread.get(); }

    // Queues work; once it has run, done(result) runs on the thread this
    // worker was made on, unless context (an object of that thread) is gone
    // by then.
    template<typename T>
    void run(QObject *context, std::function<T()> work, std::function<void(const T &)> done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, work, done] {
            auto result = std::make_shared<const T>(work());
            // guard is looked at only on its own thread, never here.
            QMetaObject::invokeMethod(this, [guard, done, result] {
                if (guard)
                    done(*result);
            }, Qt::QueuedConnection);
        });
    }

    // Runs work after the jobs queued so far and waits for it (start-up only:
    // the caller's thread blocks meanwhile).
    template<typename T>
    T runAndWait(std::function<T()> work)
    {
        T result{};
        post([&result, work] { result = work(); }, true);
        return result;
    }

private:
    void post(std::function<void()> job, bool wait = false);

    std::unique_ptr<QThread> m_thread;
    QObject *m_receiver; // lives in m_thread: queued calls to it run there, in order
};
