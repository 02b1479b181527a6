package org.summittracker.followup;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq)
			from FollowUp f join f.owner o left join f.concern c left join f.resolution r
			where f.session.id = :sessionId
			order by f.dueOn nulls last, f.id
			""")
	List<FollowUpView> findViews(Long sessionId);

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq)
			from FollowUp f join f.owner o left join f.concern c left join f.resolution r
			where o.id = :ownerId
			order by f.dueOn nulls last, f.id
			""")
	List<FollowUpView> findOwnedBy(Long ownerId);

	@Query("""
			select new org.summittracker.followup.FollowUpView(f.id, f.session.id, f.title, o.handle, o.name, f.dueOn,
				f.status, f.dropReason, c.key, r.seq)
			from FollowUp f join f.owner o join f.concern c left join f.resolution r
			where c.id = :concernId
			order by f.dueOn nulls last, f.id
			""")
	List<FollowUpView> findAddressing(Long concernId);

}
